namespace SeatGrpc.Gateway.Internal;

/// <summary>The ErrorInfo reasons of the requests the gateway itself rejects (README, "REST gateway").</summary>
internal static class GatewayErrorReasons
{
    /// <summary>404: no route template matches the path.</summary>
    public const string RouteNotFound = "ROUTE_NOT_FOUND";

    /// <summary>405: a route matches the path under other HTTP methods (listed in <c>Allow</c>).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>400: a path segment cannot be converted to its field's type.</summary>
    public const string InvalidPathValue = "INVALID_PATH_VALUE";

    /// <summary>400: a query parameter names no field of the request.</summary>
    public const string UnknownQueryParameter = "UNKNOWN_QUERY_PARAMETER";

    /// <summary>400: a query parameter names a field it may not set, is repeated, or has a bad value.</summary>
    public const string InvalidQueryParameter = "INVALID_QUERY_PARAMETER";

    /// <summary>400: the method takes a body and none was sent.</summary>
    public const string MissingBody = "MISSING_BODY";

    /// <summary>400: the body is not JSON at all (a syntax error, or not UTF-8).</summary>
    public const string MalformedJson = "MALFORMED_JSON";

    /// <summary>400: the body is JSON but not the request message (an unknown field, a wrong type).</summary>
    public const string InvalidJsonBody = "INVALID_JSON_BODY";

    /// <summary>415: the body is not <c>application/json</c> (or <c>+json</c>) in UTF-8.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>413: the body is over the size limit.</summary>
    public const string BodyTooLarge = "BODY_TOO_LARGE";

    /// <summary>400: the server could not read the body (a bad chunk, a timeout).</summary>
    public const string BodyUnreadable = "BODY_UNREADABLE";
}
