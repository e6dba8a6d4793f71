package kz.qorgau.infrastructure.postgres;

/** A service's own database, owned by the service's own login role. */
public record ServiceDatabase(String name, String jdbcUrl, String role, String password) {

    /** Without the password. */
    @Override
    public String toString() {
        return "ServiceDatabase[" + name + ", " + jdbcUrl + ", role " + role + "]";
    }
}
