namespace SeatGrpc.Server.OpenApi;

/// <summary>A proto comment as the contract's XML docs give it, tidied for the OpenAPI document.</summary>
internal static class ProtoComment
{
    private static readonly string[] ParagraphBreak = ["\n\n"];

    /// <summary>The comment with each line's trailing spaces removed (the XML keeps a blank line's indentation).</summary>
    public static string Normalize(string comment) =>
        string.Join('\n', comment.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim();

    /// <summary>The first paragraph of a normalized comment, on one line: an operation's summary.</summary>
    public static string FirstParagraph(string comment) =>
        comment.Split(ParagraphBreak, 2, StringSplitOptions.None)[0].Replace('\n', ' ');
}
