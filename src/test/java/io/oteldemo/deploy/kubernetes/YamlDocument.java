package io.oteldemo.deploy.kubernetes;

import io.oteldemo.deploy.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** One document of a YAML file ({@code ---} separates them), and where it came from. */
public record YamlDocument(Path file, int index, ObjectNode content) {

  static final YAMLMapper MAPPER =
      YAMLMapper.builder().annotationIntrospector(new MonitoringModelIntrospector()).build();

  /** Every non-empty document of a file; a file that is not YAML fails with its name. */
  public static List<YamlDocument> readAll(Path file) {
    return parse(file, ProjectFiles.readString(file));
  }

  public static List<YamlDocument> parse(Path file, String text) {
    List<YamlDocument> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(text)) {
      int index = 0;
      while (values.hasNextValue()) {
        JsonNode value = values.nextValue();
        index++;
        if (value == null || value.isNull() || value.isMissingNode()) {
          continue;
        }
        if (!(value instanceof ObjectNode object)) {
          throw new IllegalArgumentException(
              file + " document " + index + " should be a mapping, is " + value.getNodeType());
        }
        documents.add(new YamlDocument(file, index, object));
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file + " is not valid YAML: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    }
    return documents;
  }

  public String describe() {
    return file
        + " (document "
        + index
        + ", "
        + content.path("kind").asString("no kind")
        + " "
        + content.path("metadata").path("name").asString("unnamed")
        + ")";
  }
}
