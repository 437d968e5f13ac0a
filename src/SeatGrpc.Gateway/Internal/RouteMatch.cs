namespace SeatGrpc.Gateway.Internal;

/// <summary>The outcome of matching a request against the route table.</summary>
/// <param name="Route">The matched route, or <see langword="null"/>.</param>
/// <param name="PathValues">The decoded path variable values of <paramref name="Route"/>.</param>
/// <param name="Allow">When no route has the request's method: the methods the path does have (405), or none (404).</param>
internal readonly record struct RouteMatch(GatewayRoute? Route, string[] PathValues, IReadOnlyList<string> Allow);
