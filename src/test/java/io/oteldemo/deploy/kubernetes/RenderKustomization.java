package io.oteldemo.deploy.kubernetes;

import java.nio.file.Path;

/**
 * Prints what {@link KustomizeRenderer} makes of a kustomization, one JSON object per line, for
 * kubernetes/smoke-test.sh on machines without kubectl: the same renderer the deployment tests hold
 * to kubectl's output.
 */
public final class RenderKustomization {

  private RenderKustomization() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: RenderKustomization <kustomization directory>");
      System.exit(2);
    }
    KustomizeRenderer.render(Path.of(args[0])).forEach(object -> System.out.println(object));
  }
}
