package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class AuditTrailDatabaseTest {

    @Test
    void readsCountEveryQueryAndEveryRowRead() throws Exception {
        AuditTrailDatabase.Reads reads = new AuditTrailDatabase.Reads();
        DataSource counted = reads.counting(database(3));

        try (Connection connection = counted.getConnection()) {
            // As JdbcTemplate reads: executeQuery, then next() until false.
            for (int query = 0; query < 2; query++) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT 1");
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT 1")) {
                statement.executeUpdate();
            }
        }

        assertThat(reads.queries()).isEqualTo(3);
        assertThat(reads.rows()).isEqualTo(6);
    }

    /** A database whose every query answers {@code rows} rows of 1, and every update changes one. */
    private static DataSource database(int rows) {
        PreparedStatement statement = fake(PreparedStatement.class, (method, args) -> switch (method) {
            case "executeQuery" -> resultSet(rows);
            case "executeUpdate" -> 1;
            default -> null;
        });
        Connection connection = fake(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> statement;
            default -> null;
        });
        return fake(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    private static ResultSet resultSet(int rows) {
        int[] row = {0};
        return fake(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> ++row[0] <= rows;
            case "getLong" -> 1L;
            default -> null;
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result = answer.answer(method.getName(), args);
            Class<?> returns = method.getReturnType();
            if (result == null && returns == boolean.class) {
                return false;
            }
            if (result == null && returns == int.class) {
                return 0;
            }
            return result;
        }));
    }
}
