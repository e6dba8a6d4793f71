package kz.qorgau.testsupport.instances;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.testsupport.identity.TestIdentity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts N instances of one service against the same broker and database, as production runs
 * them behind a load balancer: each has its own web and management port and its own Kafka
 * clients. Instances live in the test JVM; tests that kill a process use the launcher instead.
 */
public final class ServiceInstances implements AutoCloseable {

    private final List<ServiceInstance> instances;

    private ServiceInstances(List<ServiceInstance> instances) {
        this.instances = instances;
    }

    /**
     * Starts {@code count} instances of {@code application} one after the other.
     *
     * @param properties shared by all instances, typically {@code TestInfrastructure.springProperties()}
     */
    public static ServiceInstances start(Class<?> application, int count, Map<String, Object> properties) {
        List<ServiceInstance> started = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                started.add(ServiceInstance.start(application, index, properties));
            }
        } catch (RuntimeException failure) {
            started.forEach(ServiceInstance::close);
            throw failure;
        }
        return new ServiceInstances(List.copyOf(started));
    }

    public ServiceInstance get(int index) {
        return instances.get(index);
    }

    public List<ServiceInstance> all() {
        return instances;
    }

    public int size() {
        return instances.size();
    }

    @Override
    public void close() {
        instances.forEach(ServiceInstance::close);
    }

    /** One running instance. */
    public static final class ServiceInstance implements AutoCloseable {

        private final int index;
        private final ConfigurableApplicationContext context;

        private ServiceInstance(int index, ConfigurableApplicationContext context) {
            this.index = index;
            this.context = context;
        }

        static ServiceInstance start(Class<?> application, int index, Map<String, Object> properties) {
            Map<String, Object> settings = new LinkedHashMap<>(properties);
            // Every instance trusts the JVM's token issuer, unless the caller points it elsewhere.
            TestIdentity.shared().springProperties().forEach(settings::putIfAbsent);
            settings.put("server.port", 0);
            settings.put("management.server.port", 0);
            settings.put("qorgau.instance.index", index);
            // As command-line arguments: they outrank application.yml, as an operator's settings do.
            String[] arguments = settings.entrySet().stream()
                    .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(arguments);
            return new ServiceInstance(index, context);
        }

        public int index() {
            return index;
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public int port() {
            return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        }

        public int managementPort() {
            return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
        }

        public boolean isRunning() {
            return context.isRunning();
        }

        /** Stops this instance as an orderly shutdown would. */
        @Override
        public void close() {
            if (context.isActive()) {
                context.close();
            }
        }
    }
}
