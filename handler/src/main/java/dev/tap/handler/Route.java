package dev.tap.handler;

/** What a request asks for, once its method and path are understood. */
public enum Route {
  CREATE_ITEM("POST /items"),
  LIST_ITEMS("GET /items"),
  GET_ITEM("GET /items/{id}"),
  REPLACE_ITEM("PUT /items/{id}"),
  DELETE_ITEM("DELETE /items/{id}"),
  PREFLIGHT("OPTIONS");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
