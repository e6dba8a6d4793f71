package kz.qorgau.audit.query;

import java.io.IOException;
import java.io.OutputStream;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * audit-service's export without HTTP, for the bench's {@code audit-verify} part (docs/performance.md): the
 * JSON lines GET /api/v1/audit/export writes, by the controller's own code. Here, in the service's package,
 * because the controller is the package's own.
 */
public final class BenchExport {

    private BenchExport() {}

    /** Entries 1 to {@code treeSize} as JSON lines, as the API streams them. */
    public static void write(JdbcClient jdbc, SubjectKeys keys, long treeSize, OutputStream output) throws IOException {
        new AuditExportController(jdbc, JsonMapper.builder().build(), keys)
                .export(0, treeSize)
                .getBody()
                .writeTo(output);
    }
}
