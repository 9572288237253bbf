package io.oteldemo.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the container image and the manifests must agree with in {@code liberty/server.xml}, the one
 * server configuration both the image and the local run use: its HTTP port, where it expects the
 * application and which features it runs.
 */
public final class LibertyServerXml {

  public static final Path LOCATION = Path.of("liberty/server.xml");

  private final Document document;

  private LibertyServerXml(Document document) {
    this.document = document;
  }

  public static LibertyServerXml read() {
    return new LibertyServerXml(ProjectFiles.parseXml(LOCATION));
  }

  /** The API's HTTP port when nothing overrides it: the http.port default. */
  public int defaultHttpPort() {
    return defaultPort("defaultHttpEndpoint", "http.port");
  }

  /**
   * The management port (MicroProfile Health, Liberty's own endpoints) when nothing overrides it:
   * the management.port default.
   */
  public int defaultManagementPort() {
    return defaultPort("managementHttpEndpoint", "management.port");
  }

  private int defaultPort(String endpointId, String variable) {
    String port = endpoint(endpointId).getAttribute("httpPort");
    if (!port.equals("${" + variable + "}")) {
      throw new IllegalStateException(
          LOCATION
              + " should take "
              + endpointId
              + "'s httpPort from the "
              + variable
              + " variable, has '"
              + port
              + "'");
    }
    return Integer.parseInt(
        variableDefault(variable)
            .orElseThrow(
                () -> new IllegalStateException(LOCATION + " has no " + variable + " default")));
  }

  private Element endpoint(String id) {
    NodeList nodes = document.getElementsByTagName("httpEndpoint");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element endpoint = (Element) nodes.item(i);
      if (endpoint.getAttribute("id").equals(id)) {
        return endpoint;
      }
    }
    throw new IllegalStateException(LOCATION + " has no <httpEndpoint id=\"" + id + "\">");
  }

  /** The application's file, relative to the server's apps folder. */
  public String applicationLocation() {
    return single("webApplication").getAttribute("location");
  }

  public List<String> features() {
    NodeList nodes = document.getElementsByTagName("feature");
    List<String> features = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      features.add(nodes.item(i).getTextContent().trim());
    }
    return features;
  }

  /** The variables server.xml declares with a default value, by name. */
  public Map<String, String> variableDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    NodeList variables = document.getElementsByTagName("variable");
    for (int i = 0; i < variables.getLength(); i++) {
      Element variable = (Element) variables.item(i);
      if (variable.hasAttribute("defaultValue")) {
        defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
      }
    }
    return defaults;
  }

  private Optional<String> variableDefault(String name) {
    return Optional.ofNullable(variableDefaults().get(name));
  }

  private Element single(String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    if (nodes.getLength() != 1) {
      throw new IllegalStateException(
          LOCATION + " should have exactly one <" + tag + ">, has " + nodes.getLength());
    }
    return (Element) nodes.item(0);
  }
}
