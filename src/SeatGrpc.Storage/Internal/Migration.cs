namespace SeatGrpc.Storage.Internal;

/// <summary>One numbered, append-only script, e.g. <c>0001_initial.sql</c>.</summary>
internal sealed record Migration(long Version, string Name, string Script);
