package kz.qorgau.testsupport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import kz.qorgau.events.StaffClaims;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.identity.SigningKeyFile;
import kz.qorgau.infrastructure.process.JavaServiceProcess;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;

/**
 * The real token issuer for the tests of one JVM: identity-server's runnable jar as a child process,
 * with a signing key of its own. Its addresses are fixed when it is made, so a service's context can be
 * pointed at it without starting it ({@link #springProperties()}); the process starts on the first call
 * that needs it and stops with the JVM.
 *
 * <p>Besides real tokens it makes the bad ones the security tests need, each a copy of the persona's
 * real token with exactly one thing wrong.
 */
public final class TestIdentity {

    /** The {@code aud} of every token the issuer makes; the services accept only this audience. */
    public static final String AUDIENCE = "qorgau-api";

    /** The audience of {@link #wrongAudienceToken}. */
    public static final String OTHER_AUDIENCE = "some-other-api";

    /** The issuer of {@link #wrongIssuerToken}: nobody listens there. */
    public static final URI OTHER_ISSUER = URI.create("http://127.0.0.1:1/not-the-issuer");

    private static final String NAME = "identity-server";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);
    /** How far outside its validity a time-wise bad token is: well beyond any clock skew a service allows. */
    private static final Duration OUT_OF_WINDOW = Duration.ofMinutes(10);
    /** As the launcher runs it, with a small heap: C1 only, since start-up time matters more than speed. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static volatile @Nullable TestIdentity shared;

    private final int port;
    private final int managementPort;
    private final URI issuer;
    private final Map<Persona, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Object startLock = new Object();

    private volatile @Nullable JavaServiceProcess process;
    private volatile @Nullable Path workDir;
    /** The issuer's signing key with the key id it publishes; set once the issuer is up. */
    private volatile @Nullable RSAKey issuerKey;

    private volatile @Nullable RSAKey otherKey;
    private @Nullable RuntimeException startFailure;
    private volatile boolean stopped;

    private TestIdentity(int port, int managementPort) {
        this.port = port;
        this.managementPort = managementPort;
        this.issuer = URI.create("http://127.0.0.1:" + port);
    }

    /** The JVM's issuer, made on first use (ports only: nothing starts yet) and stopped when the JVM exits. */
    public static TestIdentity shared() {
        TestIdentity identity = shared;
        if (identity == null) {
            synchronized (TestIdentity.class) {
                identity = shared;
                if (identity == null) {
                    identity = create();
                    Runtime.getRuntime().addShutdownHook(new Thread(identity::stop, "test-identity-stop"));
                    shared = identity;
                }
            }
        }
        return identity;
    }

    /** A new issuer of its own; the caller stops it. Tests use {@link #shared()}. */
    static TestIdentity create() {
        int[] ports = PortAllocator.freePorts(2);
        return new TestIdentity(ports[0], ports[1]);
    }

    /** The {@code iss} of its tokens, and the address the services reach it at. */
    public URI issuer() {
        return issuer;
    }

    /** Where its public signing key is published. */
    public URI jwkSetUri() {
        return URI.create(issuer + "/oauth2/jwks");
    }

    /** The {@code aud} of its tokens. */
    public String audience() {
        return AUDIENCE;
    }

    /**
     * Points a service's resource server at this issuer, with the keys of Boot's auto-configuration. The
     * JWK set URI is given so that nothing is fetched while the service starts: the issuer starts only when
     * a test asks for a token.
     */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.toString());
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                jwkSetUri().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
        return Map.copyOf(properties);
    }

    /**
     * A real access token of the persona from the issuer's token endpoint (client-credentials grant),
     * reused until a minute before it expires. Starts the issuer on first use.
     */
    public String token(Persona persona) {
        ensureStarted();
        return tokens.compute(persona, (key, cached) -> cached != null && cached.isFresh() ? cached : request(key))
                .value();
    }

    /** The persona's token signed with the issuer's key, but expired ten minutes ago. */
    public String expiredToken(Persona persona) {
        Instant now = Instant.now();
        SignedJWT real = realToken(persona);
        // Issued one lifetime before it expired, so that it expired OUT_OF_WINDOW ago.
        Instant issuedAt = now.minus(OUT_OF_WINDOW).minus(lifetime(real));
        return sign(real, copy(real, issuedAt, issuedAt), issuerKey());
    }

    /** The persona's token not valid until ten minutes from now ({@code nbf} in the future). */
    public String notYetValidToken(Persona persona) {
        Instant now = Instant.now();
        SignedJWT real = realToken(persona);
        return sign(real, copy(real, now, now.plus(OUT_OF_WINDOW)), issuerKey());
    }

    /** The persona's token under the issuer's key id, but signed with another RSA key. */
    public String wrongKeyToken(Persona persona) {
        SignedJWT real = realToken(persona);
        return sign(real, fresh(real, UnaryOperator.identity()), otherKey());
    }

    /** The persona's claims in an unsecured JWT ({@code alg: none}, empty signature: {@code header.payload.}). */
    public String unsignedToken(Persona persona) {
        SignedJWT real = realToken(persona);
        return new PlainJWT(fresh(real, UnaryOperator.identity())).serialize();
    }

    /** The persona's token signed with the issuer's key, for {@link #OTHER_AUDIENCE}. */
    public String wrongAudienceToken(Persona persona) {
        SignedJWT real = realToken(persona);
        return sign(real, fresh(real, claims -> claims.audience(OTHER_AUDIENCE)), issuerKey());
    }

    /** The persona's token signed with the issuer's key, but naming {@link #OTHER_ISSUER} as its issuer. */
    public String wrongIssuerToken(Persona persona) {
        SignedJWT real = realToken(persona);
        return sign(real, fresh(real, claims -> claims.issuer(OTHER_ISSUER.toString())), issuerKey());
    }

    /** The persona's token signed with the issuer's key, but without a {@code sub} claim. */
    public String tokenWithoutSubject(Persona persona) {
        SignedJWT real = realToken(persona);
        return sign(real, fresh(real, claims -> claims.subject(null)), issuerKey());
    }

    /** The persona's token signed with the issuer's key, with a {@code sub} one character too long to keep. */
    public String tokenWithOverlongSubject(Persona persona) {
        SignedJWT real = realToken(persona);
        String subject = "s".repeat(StaffClaims.MAX_SUBJECT_LENGTH + 1);
        return sign(real, fresh(real, claims -> claims.subject(subject)), issuerKey());
    }

    /** The persona's token signed with the issuer's key, with a {@code district} one character too long. */
    public String tokenWithOverlongDistrict(Persona persona) {
        SignedJWT real = realToken(persona);
        String district = "D".repeat(StaffClaims.MAX_DISTRICT_LENGTH + 1);
        return sign(real, fresh(real, claims -> claims.claim(StaffClaims.DISTRICT, district)), issuerKey());
    }

    /** The persona's token signed with the issuer's key, with two districts in an array. */
    public String tokenWithDistrictArray(Persona persona) {
        SignedJWT real = realToken(persona);
        List<String> districts = List.of("ALM-BOSTANDYK", "AST-ESIL");
        return sign(real, fresh(real, claims -> claims.claim(StaffClaims.DISTRICT, districts)), issuerKey());
    }

    /** The child process's id once it runs; for tests of this class. */
    OptionalLong processId() {
        JavaServiceProcess running = process;
        return running == null ? OptionalLong.empty() : OptionalLong.of(running.pid());
    }

    /** Stops the issuer and removes its folder (the key and the log). */
    void stop() {
        stopped = true;
        JavaServiceProcess running = process;
        if (running != null) {
            running.stop();
        }
        Path dir = workDir;
        if (dir != null) {
            deleteRecursively(dir);
        }
    }

    private void ensureStarted() {
        if (issuerKey != null) {
            return;
        }
        synchronized (startLock) {
            if (issuerKey != null) {
                return;
            }
            if (startFailure != null) {
                throw new IllegalStateException(
                        "The test token issuer did not start earlier in this JVM", startFailure);
            }
            if (stopped) {
                throw new IllegalStateException("The test token issuer has been stopped");
            }
            try {
                issuerKey = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    private RSAKey start() {
        Path jar = executableJar(RepositoryRoot.find());
        Path dir;
        try {
            dir = Files.createTempDirectory("qorgau-test-identity");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the test token issuer", e);
        }
        workDir = dir;
        Path keyFile = SigningKeyFile.ensure(dir.resolve("signing-key.pem"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QORGAU_IDENTITY_PORT", Integer.toString(port));
        environment.put("QORGAU_IDENTITY_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("QORGAU_IDENTITY_ISSUER", issuer.toString());
        environment.put("QORGAU_IDENTITY_AUDIENCE", AUDIENCE);
        environment.put("QORGAU_IDENTITY_SIGNING_KEY_LOCATION", "file:" + keyFile);
        JavaServiceProcess started =
                JavaServiceProcess.start(NAME, jar, JVM_OPTIONS, environment, dir.resolve(NAME + ".log"));
        process = started;
        try {
            started.awaitHealthy(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"), START_TIMEOUT);
        } catch (RuntimeException e) {
            List<String> logTail = started.logTail(40);
            started.kill();
            throw new IllegalStateException(
                    "The test token issuer (" + jar.getFileName() + ") did not start: " + e.getMessage() + "\n"
                            + String.join("\n", logTail),
                    e);
        }
        if (stopped) {
            started.stop();
            throw new IllegalStateException("The test token issuer was stopped while it started");
        }
        return withPublishedKeyId(SigningKeyFile.read(keyFile));
    }

    /** identity-server/target/*-exec.jar, as {@code ./mvnw package} leaves it. */
    private static Path executableJar(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(NAME).resolve("target");
        String build = "build it first: ./mvnw -DskipTests package -pl " + NAME + " -am (or the full ./mvnw package)";
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException(
                    "No runnable jar of " + NAME + " for the test token issuer: no " + target + "; " + build);
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException(
                            "No runnable jar of " + NAME + " (*-exec.jar) in " + target + "; " + build));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for " + NAME + "'s runnable jar in " + target, e);
        }
    }

    /** This JVM's key with the key id the issuer derived from it and publishes (read once from the JWK set). */
    private RSAKey withPublishedKeyId(KeyPair keyFile) {
        RSAPublicKey publicKey = (RSAPublicKey) keyFile.getPublic();
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(jwkSetUri()).GET().build(), "the JWK set");
        try {
            for (JWK published : JWKSet.parse(response.body()).getKeys()) {
                if (published instanceof RSAKey rsa
                        && rsa.toRSAPublicKey().getModulus().equals(publicKey.getModulus())) {
                    return new RSAKey.Builder(publicKey)
                            .privateKey((RSAPrivateKey) keyFile.getPrivate())
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.RS256)
                            .keyID(published.getKeyID())
                            .build();
                }
            }
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The issuer's JWK set could not be read: " + response.body(), e);
        }
        throw new IllegalStateException("The issuer does not publish this JVM's signing key: " + response.body());
    }

    private IssuedToken request(Persona persona) {
        String basic = Base64.getEncoder()
                .encodeToString((persona.clientId() + ":" + persona.secret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = send(request, "a token for " + persona);
        try {
            String token = JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "access_token");
            if (token == null) {
                throw new IllegalStateException("The issuer sent no access token for " + persona);
            }
            Date expiresAt = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
            return new IssuedToken(token, expiresAt.toInstant().minus(REFRESH_BEFORE_EXPIRY));
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's token response for " + persona + " could not be read", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The test token issuer refused " + what + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("The test token issuer did not answer for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the test token issuer for " + what, e);
        }
    }

    private SignedJWT realToken(Persona persona) {
        try {
            return SignedJWT.parse(token(persona));
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's token for " + persona + " is not a signed JWT", e);
        }
    }

    /** The real token's claims, valid from now for the real token's lifetime, changed by {@code change}. */
    private static JWTClaimsSet fresh(SignedJWT real, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(builder(real, now, now)).build();
    }

    /** The real token's claims, issued at {@code issuedAt} and valid from {@code notBefore}. */
    private static JWTClaimsSet copy(SignedJWT real, Instant issuedAt, Instant notBefore) {
        return builder(real, issuedAt, notBefore).build();
    }

    private static JWTClaimsSet.Builder builder(SignedJWT real, Instant issuedAt, Instant notBefore) {
        return new JWTClaimsSet.Builder(claims(real))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(notBefore.plus(lifetime(real))))
                // A token id of its own, as the issuer would give: a replay check must not mistake it for the real one.
                .jwtID(UUID.randomUUID().toString());
    }

    private static Duration lifetime(SignedJWT real) {
        JWTClaimsSet claims = claims(real);
        return Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    }

    private static JWTClaimsSet claims(SignedJWT real) {
        try {
            return real.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's token has unreadable claims", e);
        }
    }

    /**
     * Signs with {@code key} under the real token's header (alg, typ) and the issuer's published key id,
     * so that a service looks the issuer's key up for it.
     */
    private String sign(SignedJWT real, JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(real.getHeader())
                        .keyID(issuerKey().getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
        return jwt.serialize();
    }

    private RSAKey issuerKey() {
        ensureStarted();
        return issuerKey;
    }

    /** Another RSA key; made once, and only if a test asks for a wrongly signed token. */
    private RSAKey otherKey() {
        RSAKey key = otherKey;
        if (key == null) {
            synchronized (startLock) {
                key = otherKey;
                if (key == null) {
                    try {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        KeyPair pair = generator.generateKeyPair();
                        key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                                .privateKey((RSAPrivateKey) pair.getPrivate())
                                .build();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("This JVM has no RSA key generator", e);
                    }
                    otherKey = key;
                }
            }
        }
        return key;
    }

    private static void deleteRecursively(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the issuer itself is stopped.
        }
    }

    private record IssuedToken(String value, Instant refreshAfter) {
        boolean isFresh() {
            return Instant.now().isBefore(refreshAfter);
        }
    }
}
