package io.oteldemo.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The few facts of {@code pom.xml} that deployment files must agree with: the version, the WAR's
 * name, the Open Liberty version and the properties the developer defaults refer to. Properties are
 * resolved as Maven would, with the project folder as {@code .} and the build folder as {@code
 * target}.
 */
public final class PomModel {

  private static final Path LOCATION = Path.of("pom.xml");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final Element project;
  private final Map<String, String> properties = new LinkedHashMap<>();

  private PomModel(Document document) {
    project = document.getDocumentElement();
    properties.put("project.basedir", ".");
    properties.put("project.build.directory", "target");
    properties.put("project.version", childText(project, "version"));
    Element declared = child(project, "properties");
    NodeList nodes = declared.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element property) {
        properties.put(property.getTagName(), property.getTextContent().trim());
      }
    }
  }

  public static PomModel read() {
    return new PomModel(ProjectFiles.parseXml(LOCATION));
  }

  public String version() {
    return property("project.version");
  }

  /** The packaged WAR's file name: build/finalName plus the packaging. */
  public String warFileName() {
    return childText(child(project, "build"), "finalName") + ".war";
  }

  /** A property, its ${...} references resolved. */
  public String property(String name) {
    String value = properties.get(name);
    if (value == null) {
      throw new IllegalArgumentException("pom.xml has no property " + name);
    }
    return resolve(value, 0);
  }

  /** The plugin execution of this id, wherever it is declared. */
  public Element execution(String id) {
    NodeList executions = project.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      NodeList ids = execution.getElementsByTagName("id");
      if (ids.getLength() > 0 && ids.item(0).getTextContent().trim().equals(id)) {
        return execution;
      }
    }
    throw new IllegalStateException("pom.xml has no execution " + id);
  }

  private String resolve(String value, int depth) {
    if (depth > 10) {
      throw new IllegalStateException("pom.xml properties refer to each other in a loop: " + value);
    }
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String referenced = properties.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(
          resolved,
          Matcher.quoteReplacement(
              referenced.equals(matcher.group()) ? referenced : resolve(referenced, depth + 1)));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private static String childText(Element parent, String tag) {
    return child(parent, tag).getTextContent().trim();
  }

  private static Element child(Element parent, String tag) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(tag)) {
        return element;
      }
    }
    throw new IllegalStateException(
        "pom.xml has no <" + tag + "> in <" + parent.getTagName() + ">");
  }
}
