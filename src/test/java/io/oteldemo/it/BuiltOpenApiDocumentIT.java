package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document is made by the build and served as it is: the server does not scan the
 * classes for it at every start (docs/PERFORMANCE.md, start-up).
 */
public class BuiltOpenApiDocumentIT {

  private static final String DOCUMENT = "WEB-INF/classes/META-INF/openapi.yaml";

  @Test
  void theServerServesTheDocumentTheBuildPutInTheWar() throws IOException {
    JsonNode built = YAMLMapper.builder().build().readTree(warEntry(DOCUMENT));
    ObjectNode served =
        (ObjectNode) JsonMapper.builder().build().readTree(OpenApiDocument.served().body());

    // The one thing the server adds: mp.openapi.servers, relative, so no Host header is copied.
    assertEquals("/", served.remove("servers").get(0).get("url").asString());
    assertEquals(built, served);
  }

  @Test
  void theBuiltDocumentHoldsTheAnnotationsTheHandWrittenFileAndEveryErrorCode() throws IOException {
    JsonNode built = YAMLMapper.builder().build().readTree(warEntry(DOCUMENT));
    JsonNode calculate = built.at("/paths/~1api~1distance~1calculate/post");

    assertEquals("calculate", calculate.get("operationId").asString(), "from the annotations");
    assertTrue(
        calculate.get("description").asString().startsWith("Queues the calculation"),
        "from src/main/openapi/openapi.yaml");
    List<String> codes = new ArrayList<>();
    built
        .at("/components/schemas/Error/properties/code/enum")
        .forEach(c -> codes.add(c.asString()));
    assertEquals(
        Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList(),
        codes,
        "from ErrorCodesFilter");
  }

  @Test
  void theServerIsToldNotToScan() throws IOException {
    Properties config = new Properties();
    config.load(
        new StringReader(warEntry("WEB-INF/classes/META-INF/microprofile-config.properties")));

    assertEquals("true", config.getProperty("mp.openapi.scan.disable"));
    try (ZipFile war = new ZipFile(war().toFile())) {
      assertNull(
          war.getEntry("WEB-INF/classes/META-INF/openapi.json"),
          "one document in the WAR: the server would read no other");
    }
  }

  private static String warEntry(String name) throws IOException {
    try (ZipFile war = new ZipFile(war().toFile())) {
      ZipEntry entry = war.getEntry(name);
      assertTrue(entry != null, () -> "the WAR holds " + name);
      return new String(war.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path war() {
    return Path.of(System.getProperty("it.war"));
  }
}
