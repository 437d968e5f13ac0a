namespace SeatGrpc.Storage.Internal;

/// <summary>
/// An engine's spelling of the JSON pieces of the bulk statements. <see cref="Rows"/> is a FROM clause whose rows have a
/// column <c>value</c> (one element of the array, itself an array), in array order, ready to be followed by
/// <c>ON CONFLICT</c>; <see cref="Texts"/> a subquery of the array's string elements.
/// </summary>
internal sealed record JsonRowSyntax(
    Func<string, string> Rows, Func<string, string> Texts, Func<int, string> Text, Func<int, string> Int, Func<int, string> HexBlob)
{
    public static JsonRowSyntax Sqlite { get; } = new(
        // jsonb_each hands each row over as JSONB, which ->> reads without parsing; json_each handed over text that every
        // ->> parsed again (a third of the bulk statements' time in SQLite).
        parameter => $"jsonb_each({parameter}) WHERE true",
        parameter => $"SELECT value FROM json_each({parameter})",
        index => $"value ->> {index}",
        index => $"value ->> {index}",
        index => $"unhex(value ->> {index})");

    // The same on PostgreSQL: a json element is text that each ->> lexes from its start, a jsonb element is parsed once.
    public static JsonRowSyntax Postgres { get; } = new(
        parameter => $"jsonb_array_elements({parameter}::jsonb) WITH ORDINALITY AS rows (value, n) ORDER BY n",
        parameter => $"SELECT jsonb_array_elements_text({parameter}::jsonb)",
        index => $"value ->> {index}",
        index => $"(value ->> {index})::bigint",
        index => $"decode(value ->> {index}, 'hex')");
}
