using SeatGrpc.Gateway.Internal;

namespace SeatGrpc.Gateway.Tests;

public sealed class PathTemplateMatchTests
{
    [Theory]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/abc", "seats/abc")]
    [InlineData("/v1/{parent=subscriptions/*}/seats", "/v1/subscriptions/s-1/seats", "subscriptions/s-1")]
    [InlineData("/v1/{name=seats/*}:resendInvitation", "/v1/seats/abc:resendInvitation", "seats/abc")]
    [InlineData("/v1/{id}", "/v1/a%20b", "a b")]
    [InlineData("/v1/{id}", "/v1/a%2Fb", "a/b")]
    [InlineData("/v1/{id}", "/v1/caf%C3%A9", "café")]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/a%2Fb", "seats/a%2Fb")]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/a%2fb%20c", "seats/a%2fb c")]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/a:b", "seats/a:b")]
    [InlineData("/v1/{path=**}", "/v1/a/b/c", "a/b/c")]
    [InlineData("/v1/{path=**}", "/v1", "")]
    [InlineData("/v1/{path=files/**}:get", "/v1/files/a/b:get", "files/a/b")]
    [InlineData("/v1/%7Bx%7D/{id}", "/v1/%7Bx%7D/1", "1")]
    public void MatchingPath_CapturesDecodedValue(string text, string path, string value)
    {
        var template = PathTemplateParser.Parse(text);

        Assert.True(template.TryMatch(path, out var values));
        Assert.Equal(value, Assert.Single(values));
    }

    [Theory]
    [InlineData("/v1/{name=seats/*}", "/v1/seats")]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/")]
    [InlineData("/v1/{name=seats/*}", "/v1/seats/a/b")]
    [InlineData("/v1/{name=seats/*}", "/v1/orders/a")]
    [InlineData("/v1/{name=seats/*}", "/v2/seats/a")]
    [InlineData("/v1/{name=seats/*}", "v1/seats/a")]
    [InlineData("/v1/{name=seats/*}:resendInvitation", "/v1/seats/a")]
    [InlineData("/v1/{name=seats/*}:resendInvitation", "/v1/seats/a:claim")]
    [InlineData("/v1/{name=seats/*}:resendInvitation", "/v1/seats/a%3AresendInvitation")]
    [InlineData("/v1/seats:claim", "/v1/seats")]
    [InlineData("/v1/seats:claim", "/v1/seats:claimx")]
    [InlineData("/v1/seats:claim", "/v1/:claim")]
    public void OtherPath_DoesNotMatch(string text, string path)
    {
        var template = PathTemplateParser.Parse(text);

        Assert.False(template.TryMatch(path, out _));
    }

    [Fact]
    public void TwoVariables_CaptureInTemplateOrder()
    {
        var template = PathTemplateParser.Parse("/v1/{a}/{b.c=x/*}");

        Assert.True(template.TryMatch("/v1/one/x/two", out var values));
        Assert.Equal(["one", "x/two"], values);
    }
}
