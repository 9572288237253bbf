package io.oteldemo.deploy.monitoring;

import io.oteldemo.deploy.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Grafana dashboard's JSON model: its panels (rows' nested ones too) and its PromQL. */
record GrafanaDashboard(JsonNode model) {

  static final Path FILE = Path.of("kubernetes/extras/grafana-dashboard.json");

  /** Grafana's query variable function; its last argument is a label, not a metric. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$");

  static GrafanaDashboard read() {
    return new GrafanaDashboard(
        JsonMapper.builder().build().readTree(ProjectFiles.readString(FILE)));
  }

  /** Every panel that shows data (rows are containers, not panels). */
  List<JsonNode> dataPanels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : model.path("panels")) {
      if (panel.path("type").asString("").equals("row")) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  /** Each PromQL expression with where it is: panels' targets and query variables. */
  List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : dataPanels()) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                "panel '" + panel.path("title").asString() + "' " + target.path("refId").asString(),
                target.path("expr").asString("")));
      }
    }
    for (JsonNode variable : model.path("templating").path("list")) {
      if (variable.path("type").asString("").equals("query")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asString("") : query.asString("");
        queries.add(new Query("variable $" + variable.path("name").asString(), selector(text)));
      }
    }
    return queries;
  }

  List<JsonNode> variables() {
    List<JsonNode> variables = new ArrayList<>();
    model.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  private static String selector(String variableQuery) {
    Matcher labelValues = LABEL_VALUES.matcher(variableQuery);
    return labelValues.matches() ? labelValues.group(1) : variableQuery;
  }

  record Query(String where, String expression) {}
}
