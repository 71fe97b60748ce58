package org.transcriptsearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import org.transcriptsearch.alerts.AlertRequest;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.NotFoundException;

/**
 * The routes of saved searches and alerts. Saving and deleting need the admin token; listing and reading are
 * reads. A feed is a read too, but feed readers cannot send headers: when reads need a key, the alert's own feed
 * token in the address ({@code ?token=}) opens its feed, and only its feed.
 */
final class AlertRoutes {
  private static final ObjectReader REQUEST =
      Json.mapper().readerFor(AlertRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final AlertService alerts; // null: this server keeps no alerts
  private final AccessControl access;

  AlertRoutes(AlertService alerts, AccessControl access) {
    this.alerts = alerts;
    this.access = access;
  }

  List<ApiApp.Route> routes() {
    return List.of(
        new ApiApp.Route(HandlerType.POST, "/api/alerts", Access.ADMIN, this::create),
        new ApiApp.Route(HandlerType.GET, "/api/alerts", Access.READ, ctx -> ctx.json(alerts().list())),
        new ApiApp.Route(HandlerType.GET, "/api/alerts/{id}", Access.READ,
            ctx -> ctx.json(alerts().get(ctx.pathParam("id")))),
        new ApiApp.Route(HandlerType.DELETE, "/api/alerts/{id}", Access.ADMIN, this::delete),
        new ApiApp.Route(HandlerType.GET, "/api/alerts/{id}/feed.atom", Access.OPEN, this::feed));
  }

  private AlertService alerts() {
    if (alerts == null) {
      throw new NotFoundException("this server keeps no alerts: it was started without a writable index");
    }
    return alerts;
  }

  private void create(Context ctx) throws IOException {
    AlertRequest request;
    try {
      request = REQUEST.readValue(ctx.bodyAsBytes());
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequestException("unknown field '" + e.getPropertyName() + "'; an alert takes name, q, speaker,"
          + " program, topic, role, from, to and webhook", e);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("the body is not an alert in JSON: " + e.getOriginalMessage(), e);
    }
    ctx.status(HttpStatus.CREATED).json(alerts().create(request));
  }

  private void delete(Context ctx) throws IOException {
    alerts().delete(ctx.pathParam("id"));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void feed(Context ctx) {
    String id = ctx.pathParam("id");
    if (!alerts().feedTokenMatches(id, ctx.queryParam("token"))) {
      access.check(ctx, Access.READ);
    }
    String host = ctx.host() == null ? "localhost" : ctx.host();
    ctx.contentType("application/atom+xml; charset=utf-8").result(alerts().atom(id, ctx.scheme() + "://" + host));
  }
}
