package kz.qorgau.infrastructure.postgres;

/** A database made for one test class, and how to connect to it (with the admin login). */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** Without the password. */
    @Override
    public String toString() {
        return "TestDatabase[" + name + ", " + jdbcUrl + ", user " + user + "]";
    }
}
