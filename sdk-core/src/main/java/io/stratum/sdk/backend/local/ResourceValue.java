package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** How much of a resource: a scalar (cpus, mem, disk) or ranges (ports). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ResourceValue.Scalar.class, name = "scalar"),
    @JsonSubTypes.Type(value = ResourceValue.Ranges.class, name = "ranges")
})
sealed interface ResourceValue {

    /** @param value an amount, 0 or more (cpus, MB) */
    record Scalar(double value) implements ResourceValue {
        public Scalar {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("scalar must be a finite amount of 0 or more: " + value);
            }
        }
    }

    /** @param ranges inclusive ranges, at least one */
    record Ranges(List<Range> ranges) implements ResourceValue {
        public Ranges {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("ranges must not be empty");
            }
        }
    }

    /** An inclusive range, {@code begin <= end}. */
    record Range(long begin, long end) {
        public Range {
            if (begin > end) {
                throw new IllegalArgumentException("range begins after its end: " + begin + "-" + end);
            }
        }
    }
}
