using SeatGrpc.Gateway.Internal;

namespace SeatGrpc.Gateway.Tests;

public sealed class PathTemplateParserTests
{
    // template, segments (joined by '/'), variables as "name=start..end", verb
    public static TheoryData<string, string, string, string?> Valid => new()
    {
        { "/v1/seats", "v1/seats", "", null },
        { "/v1/{name=seats/*}", "v1/seats/*", "name=1..3", null },
        { "/v1/{name}", "v1/*", "name=1..2", null },
        { "/v1/{name=*}", "v1/*", "name=1..2", null },
        { "/v1/{parent=subscriptions/*}/seats", "v1/subscriptions/*/seats", "parent=1..3", null },
        { "/v1/{pool.name=orders/*}", "v1/orders/*", "pool.name=1..3", null },
        { "/v1/{name=seats/*}:resendInvitation", "v1/seats/*", "name=1..3", "resendInvitation" },
        { "/v1/seats:claim", "v1/seats", "", "claim" },
        { "/v1/{path=**}", "v1/**", "path=1..2", null },
        { "/v1/{path=files/**}:download", "v1/files/**", "path=1..3", "download" },
        { "/v1/*/items/**", "v1/*/items/**", "", null },
        { "/v1/{a}/{b.c_d=x/*}", "v1/*/x/*", "a=1..2;b.c_d=2..4", null },
        { "/v1.2/a-b_c~d%20e", "v1.2/a-b_c~d%20e", "", null },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "", "Invalid path template '': expected '/' at the end." },
        { "v1/seats", "Invalid path template 'v1/seats': expected '/' at position 0." },
        { "/", "Invalid path template '/': expected a literal, '*', '**' or '{' at the end." },
        { "/v1/", "Invalid path template '/v1/': expected a literal, '*', '**' or '{' at the end." },
        { "/v1//seats", "Invalid path template '/v1//seats': expected a literal, '*', '**' or '{' at position 4." },
        { "/v1/{", "Invalid path template '/v1/{': expected a field name at the end." },
        { "/v1/{1name}", "Invalid path template '/v1/{1name}': expected a field name at position 5." },
        { "/v1/{name", "Invalid path template '/v1/{name': expected '}' at the end." },
        { "/v1/{name=}", "Invalid path template '/v1/{name=}': expected a literal, '*', '**' or '{' at position 10." },
        { "/v1/{name.}", "Invalid path template '/v1/{name.}': expected a field name at position 10." },
        { "/v1/{a={b}}", "Invalid path template '/v1/{a={b}}': variables cannot be nested at position 7." },
        { "/v1/{a}/{a}", "Invalid path template '/v1/{a}/{a}': field 'a' is bound twice at position 8." },
        { "/v1/**/x", "Invalid path template '/v1/**/x': '**' must be the last segment at position 6." },
        { "/v1/{a=**}/x", "Invalid path template '/v1/{a=**}/x': '**' must be the last segment at position 10." },
        { "/v1/***", "Invalid path template '/v1/***': unexpected '*' at position 6." },
        { "/v1/seats:", "Invalid path template '/v1/seats:': expected a verb after ':' at the end." },
        { "/v1/seats:a/b", "Invalid path template '/v1/seats:a/b': unexpected '/' at position 11." },
        { "/v1/seats:a:b", "Invalid path template '/v1/seats:a:b': unexpected ':' at position 11." },
        { "/v1/{name}x", "Invalid path template '/v1/{name}x': unexpected 'x' at position 10." },
        { "/v1/seats?x=1", "Invalid path template '/v1/seats?x=1': unexpected '?' at position 9." },
        { "/v1/se ats", "Invalid path template '/v1/se ats': unexpected ' ' at position 6." },
        { "/v1/{name=seats/*:verb}", "Invalid path template '/v1/{name=seats/*:verb}': expected '}' at position 17." },
        { "/v1}", "Invalid path template '/v1}': unexpected '}' at position 3." },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTemplate_ParsesToSegmentsVariablesAndVerb(string text, string segments, string variables, string? verb)
    {
        var template = PathTemplateParser.Parse(text);

        Assert.Equal(segments, string.Join('/', template.Segments));
        Assert.Equal(variables, string.Join(';', template.Variables.Select(v => $"{v.Name}={v.StartSegment}..{v.EndSegment}")));
        Assert.Equal(verb, template.Verb);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidTemplate_ThrowsWithExactMessage(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => PathTemplateParser.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("/v1/{name}", true)]
    [InlineData("/v1/{name=*}", true)]
    [InlineData("/v1/{name=seats/*}", false)]
    [InlineData("/v1/{name=**}", false)]
    public void Variable_IsSingleSegmentOnlyForOneStar(string text, bool isSingle)
    {
        var template = PathTemplateParser.Parse(text);

        Assert.Equal(isSingle, template.Variables[0].IsSingleSegment);
    }
}
