using System.Globalization;

namespace SeatGrpc.Gateway.Internal;

// The path template grammar of google/api/http.proto:
//
//     Template = "/" Segments [ Verb ] ;
//     Segments = Segment { "/" Segment } ;
//     Segment  = "*" | "**" | LITERAL | Variable ;
//     Variable = "{" FieldPath [ "=" Segments ] "}" ;
//     FieldPath = IDENT { "." IDENT } ;
//     Verb     = ":" LITERAL ;
//
// with these rules from the same spec:
//
// * `{var}` is short for `{var=*}`.
// * `**` matches zero or more segments and must be the last segment (a verb may follow).
// * Variables do not nest, and one field is bound at most once.
//
// IDENT is [A-Za-z_][A-Za-z0-9_]*. LITERAL is one or more characters other than
// `/ { } * : = ? #`, whitespace and control characters; so `:` always starts the verb.

/// <summary>
/// A recursive-descent parser of <c>google.api.HttpRule</c> path templates, one method per
/// grammar rule. Errors are <see cref="FormatException"/>s that name the template and the
/// 0-based position of the offending character.
/// </summary>
internal sealed class PathTemplateParser
{
    private readonly string _text;
    private readonly List<PathSegment> _segments = [];
    private readonly List<PathVariable> _variables = [];
    private int _position;
    private bool _inVariable;

    private PathTemplateParser(string text) => _text = text;

    public static PathTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PathTemplateParser(text).ParseTemplate();
    }

    // Template = "/" Segments [ Verb ] ;
    private PathTemplate ParseTemplate()
    {
        Expect('/');
        ParseSegments();
        string? verb = null;
        if (Peek() == ':')
        {
            verb = ParseVerb();
        }

        if (!AtEnd)
        {
            throw Error($"unexpected '{Current}'");
        }

        return new PathTemplate(_text, _segments.ToArray(), _variables.ToArray(), verb);
    }

    // Segments = Segment { "/" Segment } ;
    private void ParseSegments()
    {
        ParseSegment();
        while (Peek() == '/')
        {
            if (_segments[^1].Kind == PathSegmentKind.MultiWildcard)
            {
                throw Error("'**' must be the last segment");
            }

            _position++;
            ParseSegment();
        }
    }

    // Segment = "*" | "**" | LITERAL | Variable ;
    private void ParseSegment()
    {
        if (Peek() == '*')
        {
            _position++;
            if (Peek() == '*')
            {
                _position++;
                _segments.Add(PathSegment.MultiWildcard);
            }
            else
            {
                _segments.Add(PathSegment.Wildcard);
            }

            return;
        }

        if (Peek() == '{')
        {
            ParseVariable();
            return;
        }

        if (IsLiteralChar(Peek()))
        {
            _segments.Add(new PathSegment(PathSegmentKind.Literal, ParseLiteral()));
            return;
        }

        throw Error("expected a literal, '*', '**' or '{'");
    }

    // Variable = "{" FieldPath [ "=" Segments ] "}" ;
    private void ParseVariable()
    {
        if (_inVariable)
        {
            throw Error("variables cannot be nested");
        }

        var start = _position;
        _position++;
        var fieldPath = ParseFieldPath();
        var name = string.Join('.', fieldPath);
        if (_variables.Any(variable => variable.Name == name))
        {
            throw Error($"field '{name}' is bound twice", start);
        }

        var firstSegment = _segments.Count;
        if (Peek() == '=')
        {
            _position++;
            _inVariable = true;
            ParseSegments();
            _inVariable = false;
        }
        else
        {
            _segments.Add(PathSegment.Wildcard);
        }

        Expect('}');
        var single = _segments.Count == firstSegment + 1 && _segments[firstSegment].Kind == PathSegmentKind.Wildcard;
        _variables.Add(new PathVariable(fieldPath, firstSegment, _segments.Count) { IsSingleSegment = single });
    }

    // FieldPath = IDENT { "." IDENT } ;
    private string[] ParseFieldPath()
    {
        var parts = new List<string> { ParseIdent() };
        while (Peek() == '.')
        {
            _position++;
            parts.Add(ParseIdent());
        }

        return [.. parts];
    }

    // Verb = ":" LITERAL ;
    private string ParseVerb()
    {
        Expect(':');
        if (!IsLiteralChar(Peek()))
        {
            throw Error("expected a verb after ':'");
        }

        return ParseLiteral();
    }

    // IDENT = [A-Za-z_][A-Za-z0-9_]* ;
    private string ParseIdent()
    {
        var start = _position;
        if (!(char.IsAsciiLetter(Peek()) || Peek() == '_'))
        {
            throw Error("expected a field name");
        }

        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
        {
            _position++;
        }

        return _text[start.._position];
    }

    // LITERAL = one or more literal characters.
    private string ParseLiteral()
    {
        var start = _position;
        while (IsLiteralChar(Peek()))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }

        _position++;
    }

    private static bool IsLiteralChar(char c) =>
        c != '\0' && !char.IsWhiteSpace(c) && !char.IsControl(c) && "/{}*:=?#".IndexOf(c, StringComparison.Ordinal) < 0;

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private char Peek() => AtEnd ? '\0' : _text[_position];

    private FormatException Error(string what, int? position = null)
    {
        var at = position ?? _position;
        var where = at >= _text.Length
            ? "at the end"
            : string.Create(CultureInfo.InvariantCulture, $"at position {at}");
        return new FormatException($"Invalid path template '{_text}': {what} {where}.");
    }
}
