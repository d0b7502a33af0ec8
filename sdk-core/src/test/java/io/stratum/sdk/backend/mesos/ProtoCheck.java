package io.stratum.sdk.backend.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.apache.mesos.v1.scheduler.Protos;

/**
 * Checks JSON against the official Mesos v1 protobuf schema ({@code org.apache.mesos:mesos:1.11.0}):
 * protobuf's own JSON parser, which rejects unknown fields and wrong types, then
 * {@code isInitialized()}, which requires every {@code required} field, however deep.
 */
final class ProtoCheck {
    private ProtoCheck() {}

    /** @return the call, parsed; @throws IllegalArgumentException saying what is wrong */
    static Protos.Call call(String json) {
        return (Protos.Call) check(json, Protos.Call.newBuilder());
    }

    /** @return the task info, parsed; @throws IllegalArgumentException saying what is wrong */
    static org.apache.mesos.v1.Protos.TaskInfo taskInfo(String json) {
        return (org.apache.mesos.v1.Protos.TaskInfo) check(json, org.apache.mesos.v1.Protos.TaskInfo.newBuilder());
    }

    /** @return the event, parsed; @throws IllegalArgumentException saying what is wrong */
    static Protos.Event event(String json) {
        return (Protos.Event) check(json, Protos.Event.newBuilder());
    }

    private static Message check(String json, Message.Builder builder) {
        try {
            JsonFormat.parser().merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a valid " + builder.getDescriptorForType().getFullName() + ": "
                    + e.getMessage() + "\n" + json, e);
        }
        if (!builder.isInitialized()) {
            throw new IllegalArgumentException("a " + builder.getDescriptorForType().getFullName()
                    + " missing required fields " + builder.findInitializationErrors() + "\n" + json);
        }
        return builder.build();
    }
}
