package io.oteldemo.telemetry;

import io.grpc.Metadata;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Reads and writes propagation fields (traceparent, tracestate, baggage) as gRPC ASCII headers. */
final class GrpcMetadata {

  static final TextMapSetter<Metadata> SETTER =
      (carrier, key, value) -> {
        if (carrier != null) {
          Metadata.Key<String> header = asciiKey(key);
          carrier.removeAll(header);
          carrier.put(header, value);
        }
      };

  static final TextMapGetter<Metadata> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata carrier) {
          return carrier.keys();
        }

        @Override
        public String get(Metadata carrier, String key) {
          if (carrier == null || key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
            return null;
          }
          return carrier.get(asciiKey(key));
        }
      };

  private GrpcMetadata() {}

  private static Metadata.Key<String> asciiKey(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
