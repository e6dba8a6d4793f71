package kz.qorgau.auditlog;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Kafka header of a record, as received: its name and its value bytes ({@code null} when the
 * producer sent a header without a value). Kept with entries of encoding version 2.
 */
public record RecordHeader(String name, byte @Nullable [] value) {

    public RecordHeader {
        Objects.requireNonNull(name, "name");
        value = value == null ? null : value.clone();
    }

    @Override
    public byte @Nullable [] value() {
        return value == null ? null : value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordHeader that && name.equals(that.name) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RecordHeader[" + name + "]";
    }
}
