using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>One database engine for the storage tests: a fresh, empty database per instance.</summary>
public interface IStorageProvider : IDisposable
{
    /// <summary>Opens (and migrates) the provider's database; may be called again after the previous one was disposed.</summary>
    Task<SeatDatabase> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Puts the database of that schema version from Fixtures/ in place of the provider's (still unopened) database.</summary>
    Task RestoreVersionAsync(int version, CancellationToken cancellationToken);

    /// <summary>Gets a query counting the seats table's indexes named <c>@Name</c> on this engine (a migration test's check).</summary>
    string CountIndexSql { get; }
}
