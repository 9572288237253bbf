package io.oteldemo.distance;

import static io.oteldemo.distance.DistanceRulesTest.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalculateRequestReaderTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-26T12:00:00Z"), ZoneOffset.UTC);

  private final CalculateRequestReader reader =
      new CalculateRequestReader(new DistanceRules(CLOCK));

  /** MediaType.toString() needs a JAX-RS runtime; the server provides one, the tests this one. */
  @BeforeAll
  static void installMediaTypeRuntime() {
    RuntimeDelegate.setInstance(new MediaTypeOnlyRuntime());
  }

  @AfterAll
  static void removeMediaTypeRuntime() {
    RuntimeDelegate.setInstance(null);
  }

  // --- valid bodies ----------------------------------------------------------------------------

  @Test
  void dateAndDevice() {
    CalculateCommand command =
        read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");

    assertEquals(
        new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart")), command);
  }

  @Test
  void withoutDeviceIdMeansEveryDevice() {
    assertEquals(
        new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.empty()),
        read(JSON, "{\"date\":\"2026-01-25\"}"));
  }

  @Test
  void nullDeviceIdMeansEveryDevice() {
    assertEquals(
        Optional.empty(),
        read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":null}").deviceId(),
        "device_id: null should mean every device");
  }

  @Test
  void unknownFieldsAreIgnored() {
    CalculateCommand command =
        read(
            JSON,
            "{\"extra\":[1,2,{\"x\":true}],\"date\":\"2026-01-25\",\"device\":\"ignored\",\"n\":1}");

    assertEquals(
        new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.empty()),
        command,
        "unknown fields, including a near-miss 'device', should be ignored");
  }

  @Test
  void jsonWithCharsetParameterIsAccepted() {
    MediaType utf8 = new MediaType("application", "json", "utf-8");

    assertEquals(
        LocalDate.of(2026, 1, 25),
        read(utf8, "{\"date\":\"2026-01-25\"}").date(),
        "application/json;charset=utf-8 should be accepted");
  }

  @Test
  void whitespaceAroundTheObjectIsAccepted() {
    assertEquals(LocalDate.of(2026, 1, 25), read(JSON, "\n  {\"date\": \"2026-01-25\"}\n").date());
  }

  // --- Content-Type ----------------------------------------------------------------------------

  @Test
  void missingContentTypeIsRejected() {
    ValidationException e =
        assertValidation(() -> read(null, "{\"date\":\"2026-01-25\"}"), "Content-Type", null);

    assertTrue(
        e.getMessage().contains("application/json"),
        "should say which Content-Type is needed: " + e.getMessage());
  }

  @Test
  void textPlainIsRejectedNamingTheContentType() {
    ValidationException e =
        assertValidation(
            () -> read(MediaType.TEXT_PLAIN_TYPE, "{\"date\":\"2026-01-25\"}"),
            "Content-Type",
            "text/plain");

    assertTrue(e.getMessage().contains("application/json"), e.getMessage());
  }

  @Test
  void wildcardContentTypesAreRejected() {
    assertValidation(
        () -> read(MediaType.WILDCARD_TYPE, "{\"date\":\"2026-01-25\"}"), "Content-Type", "*/*");
    assertValidation(
        () -> read(new MediaType("application", "*"), "{\"date\":\"2026-01-25\"}"),
        "Content-Type",
        "application/*");
  }

  @Test
  void otherJsonLikeTypesAreRejected() {
    assertValidation(
        () -> read(new MediaType("application", "x-www-form-urlencoded"), "date=2026-01-25"),
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  // --- bodies that are not a JSON object -------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "date=2026-01-25",
        "{date:2026-01-25}",
        "{\"date\":\"2026-01-25\"",
        "'date'",
        "{\"date\":\"2026-01-25\",}"
      })
  void notJsonIsRejectedSayingSo(String body) {
    ValidationException e = assertValidation(() -> read(JSON, body), "body", null);

    assertTrue(e.getMessage().contains("JSON"), "should mention JSON: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"date\":\"2026-01-25\"}]", "\"2026-01-25\"", "42", "null", "true"})
  void jsonThatIsNotAnObjectIsRejected(String body) {
    ValidationException e = assertValidation(() -> read(JSON, body), "body", null);

    assertTrue(
        e.getMessage().contains("JSON object"), "should ask for a JSON object: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void emptyBodyIsRejected(String body) {
    ValidationException e = assertValidation(() -> read(JSON, body), "body", null);

    assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
  }

  @Test
  void absentBodyStreamIsAnEmptyBody() {
    assertValidation(() -> reader.read(JSON, null), "body", null);
  }

  // --- wrong field types and values ------------------------------------------------------------

  @Test
  void dateAsNumberIsAWrongType() {
    ValidationException e =
        assertValidation(() -> read(JSON, "{\"date\":20260125}"), "date", "20260125");

    assertTrue(e.getMessage().contains("must be a JSON string, not number"), e.getMessage());
  }

  @Test
  void dateAsObjectIsAWrongType() {
    ValidationException e =
        assertValidation(() -> read(JSON, "{\"date\":{\"y\":2026}}"), "date", "{\"y\":2026}");

    assertTrue(e.getMessage().contains("not object"), e.getMessage());
  }

  @Test
  void deviceIdAsNumberIsAWrongType() {
    ValidationException e =
        assertValidation(
            () -> read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":7}"), "device_id", "7");

    assertTrue(e.getMessage().contains("device_id must be a JSON string"), e.getMessage());
  }

  @Test
  void deviceIdAsBooleanIsAWrongType() {
    ValidationException e =
        assertValidation(
            () -> read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":false}"),
            "device_id",
            "false");

    assertTrue(e.getMessage().contains("not false"), e.getMessage());
  }

  @Test
  void missingDateIsRequired() {
    ValidationException e =
        assertValidation(() -> read(JSON, "{\"device_id\":\"x\"}"), "date", null);

    assertTrue(e.getMessage().contains("required"), e.getMessage());
  }

  @Test
  void dateRulesApply() {
    assertValidation(() -> read(JSON, "{\"date\":\"25-01-2026\"}"), "date", "25-01-2026");
    assertValidation(() -> read(JSON, "{\"date\":\"2026-01-27\"}"), "date", "2026-01-27");
  }

  @Test
  void deviceIdRulesApply() {
    assertValidation(
        () -> read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":\"\"}"), "device_id", "");
    assertValidation(
        () -> read(JSON, "{\"date\":\"2026-01-25\",\"device_id\":\"a-b\"}"), "device_id", "a-b");
  }

  // --- size ------------------------------------------------------------------------------------

  @Test
  void bodyOf4096BytesIsAccepted() {
    String body = paddedBody(CalculateRequestReader.MAX_BODY_BYTES);

    assertEquals(
        LocalDate.of(2026, 1, 25),
        read(JSON, body).date(),
        "a valid body of exactly 4096 bytes should be read");
  }

  @Test
  void bodyOf4097BytesIsTooLarge() {
    String body = paddedBody(CalculateRequestReader.MAX_BODY_BYTES + 1);

    ApiException e = assertThrows(ApiException.class, () -> read(JSON, body));

    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code(), "4097 bytes should be PAYLOAD_TOO_LARGE");
    assertFalse(e instanceof ValidationException, "too large is not a validation error");
    assertTrue(e.getMessage().contains("4096"), "should state the limit: " + e.getMessage());
  }

  @Test
  void sizeCountsBytesNotCharacters() {
    // 'é' is two bytes in UTF-8: 4096 characters, one of them 'é', are 4097 bytes.
    String body = paddedBody(CalculateRequestReader.MAX_BODY_BYTES);
    String multiByte = body.replaceFirst("x", "é");
    assertEquals(CalculateRequestReader.MAX_BODY_BYTES, multiByte.length(), "test body characters");
    assertEquals(
        CalculateRequestReader.MAX_BODY_BYTES + 1,
        multiByte.getBytes(StandardCharsets.UTF_8).length,
        "test body bytes");

    ApiException e = assertThrows(ApiException.class, () -> read(JSON, multiByte));
    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
  }

  @Test
  void aHugeBodyIsNotReadBeyondTheLimit() {
    CountingStream huge = new CountingStream(10 * 1024 * 1024);

    ApiException e = assertThrows(ApiException.class, () -> reader.read(JSON, huge));

    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
    assertTrue(
        huge.delivered <= CalculateRequestReader.MAX_BODY_BYTES + 1,
        "the reader should stop after 4097 bytes, read " + huge.delivered);
  }

  @Test
  void tooLargeIsReportedBeforeTheBodyIsParsed() {
    String notJson = "x".repeat(CalculateRequestReader.MAX_BODY_BYTES + 1);

    ApiException e = assertThrows(ApiException.class, () -> read(JSON, notJson));

    assertEquals(
        ErrorCode.PAYLOAD_TOO_LARGE,
        e.code(),
        "an oversized body should be 413 even when it is not JSON");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private CalculateCommand read(MediaType contentType, String body) {
    return reader.read(
        contentType, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** A valid calculation body of exactly {@code size} bytes (ASCII). */
  private static String paddedBody(int size) {
    String start = "{\"date\":\"2026-01-25\",\"pad\":\"";
    String end = "\"}";
    String body = start + "x".repeat(size - start.length() - end.length()) + end;
    assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length, "test body size");
    return body;
  }

  /** A stream of '{' bytes that counts how many it has handed out. */
  private static final class CountingStream extends InputStream {
    private final long size;
    long delivered;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (delivered >= size) {
        return -1;
      }
      delivered++;
      return '{';
    }
  }

  /** Just enough of a JAX-RS runtime to turn a MediaType into its header text. */
  private static final class MediaTypeOnlyRuntime extends RuntimeDelegate {

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
      if (type != MediaType.class) {
        throw new UnsupportedOperationException("only MediaType in these tests");
      }
      return (HeaderDelegate<T>)
          new HeaderDelegate<MediaType>() {
            @Override
            public MediaType fromString(String value) {
              String[] parts = value.split(";")[0].trim().split("/");
              return new MediaType(parts[0], parts[1]);
            }

            @Override
            public String toString(MediaType value) {
              Map<String, String> parameters = value.getParameters();
              return value.getType()
                  + "/"
                  + value.getSubtype()
                  + parameters.entrySet().stream()
                      .map(parameter -> ";" + parameter.getKey() + "=" + parameter.getValue())
                      .collect(Collectors.joining());
            }
          };
    }

    @Override
    public UriBuilder createUriBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder createLinkBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(
        Application application, SeBootstrap.Configuration configuration) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(
        Class<? extends Application> clazz, SeBootstrap.Configuration configuration) {
      throw new UnsupportedOperationException();
    }

    @Override
    public EntityPart.Builder createEntityPartBuilder(String partName) {
      throw new UnsupportedOperationException();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {9, 100, 1100})
  void aBodyNestedDeeperThanEightLevelsIsRefused(int depth) {
    String body = "[".repeat(depth) + "]".repeat(depth);
    ValidationException e = assertValidation(() -> read(JSON, body), "body", null);
    assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());

    String inObject = "{\"date\":\"2026-01-25\",\"x\":" + body + "}";
    assertTrue(
        assertValidation(() -> read(JSON, inObject), "body", null).getMessage().contains("nested"),
        "an unknown field nested too deeply is refused too");
  }

  @Test
  void unknownFieldsNestedWithinTheLimitAreIgnored() {
    String nested = "[".repeat(7) + "]".repeat(7);
    assertEquals(
        LocalDate.of(2026, 1, 25),
        read(JSON, "{\"date\":\"2026-01-25\",\"x\":" + nested + "}").date());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br", "GZIP, identity", "identity, gzip"})
  void aContentEncodingIsRefusedWith415(String encoding) {
    assertRefusedEncoding(List.of(encoding));
  }

  @Test
  void aSecondContentEncodingHeaderCountsToo() {
    assertRefusedEncoding(List.of("identity", "gzip"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "IDENTITY", " ", ""})
  void noOrTheIdentityEncodingIsAcceptedAndTheBodyReadAsItIs(String encoding) {
    for (List<String> accepted :
        java.util.Arrays.asList(
            List.of(encoding), List.of(encoding, "identity"), List.<String>of(), null)) {
      CalculateCommand command =
          readEncoded(accepted, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");

      assertEquals(LocalDate.parse("2026-01-25"), command.date(), () -> "with " + accepted);
      assertEquals(Optional.of("iphone_stuart"), command.deviceId(), () -> "with " + accepted);
    }
  }

  /**
   * What the resource does with a calculation's Content-Encoding headers and body, in its order.
   */
  private CalculateCommand readEncoded(List<String> contentEncoding, String body) {
    CalculateRequestReader.requireIdentityEncoding(contentEncoding);
    return read(JSON, body);
  }

  private static void assertRefusedEncoding(List<String> headers) {
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> CalculateRequestReader.requireIdentityEncoding(headers),
            "Content-Encoding " + headers);
    assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, e.code());
    assertEquals("Content-Encoding", e.details().get("field"));
  }

  // --- numbers and bodies that do not arrive ---------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {65, 1101, 4000})
  void aNumberLongerThan64CharactersIsA400(int digits) {
    String number = "1".repeat(digits);
    for (String body :
        List.of(
            "{\"date\":\"2026-01-25\",\"x\":" + number + "}",
            "{\"date\":\"2026-01-25\",\"x\":[0." + number + "]}",
            number)) {
      ValidationException e = assertThrows(ValidationException.class, () -> read(JSON, body));
      assertTrue(e.getMessage().contains("number"), () -> "names the number: " + e.getMessage());
      assertEquals(CalculateRequestReader.BODY, e.details().get("field"));
    }
  }

  @Test
  void aNumberOf64CharactersIsAnIgnoredUnknownField() {
    String number = "-0." + "1".repeat(61);
    assertEquals(
        LocalDate.of(2026, 1, 25),
        read(JSON, "{\"date\":\"2026-01-25\",\"x\":" + number + "}").date());
  }

  @Test
  void aBodyThatStopsComingIsA408() {
    FailingStream stalled = new FailingStream(new SocketTimeoutException("read timed out"));

    ApiException e = assertThrows(ApiException.class, () -> reader.read(JSON, stalled));

    assertEquals(ErrorCode.REQUEST_TIMEOUT, e.code());
  }

  @Test
  void aBodyWhoseConnectionFailsIsA400() {
    FailingStream reset = new FailingStream(new IOException("connection reset"));

    ApiException e = assertThrows(ApiException.class, () -> reader.read(JSON, reset));

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
  }

  /** A body that sends a few bytes, then fails as a stalled or broken connection does. */
  private static final class FailingStream extends InputStream {
    private final IOException failure;
    private int delivered;

    FailingStream(IOException failure) {
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      if (delivered < 5) {
        return "{\"dat".charAt(delivered++);
      }
      throw failure;
    }
  }
}
