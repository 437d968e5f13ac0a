using Dapper;
using SeatGrpc.Domain.Internal;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// Group commit (SQLite only: PostgreSQL runs its writers concurrently). Each test first queues a blocker that holds
/// the drain loop inside its own group, so the operations queued meanwhile land together in the next group.
/// </summary>
public sealed class GroupCommitTests : StorageTestBase<SqliteStorageProvider>
{
    private readonly TaskCompletionSource _releaseBlocker = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _blockerRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task GroupCommit_OneOperationFails_OnlyItsChangesAreRolledBack()
    {
        var committer = new GroupCommitter(Database, Notifier, static (_, _) => Task.CompletedTask);
        var blocker = await StartBlockerAsync(committer);

        var first = committer.RunAsync(InsertSecret("first"), Ct);
        var failing = committer.RunAsync(InsertSecret("failing", thenFail: true), Ct);
        var last = committer.RunAsync(InsertSecret("last"), Ct);
        _releaseBlocker.SetResult();
        await blocker.Within();

        Assert.Equal("first", (await first.Within()).Value);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Within());
        Assert.Equal("last", (await last.Within()).Value);
        Assert.Equal(2, committer.GroupsCommitted);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM secrets WHERE name = 'first'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM secrets WHERE name = 'failing'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM secrets WHERE name = 'last'"));
    }

    [Fact]
    public async Task GroupCommit_BeforeCommit_NoCallerIsAnsweredYet()
    {
        var answers = new List<Task>();
        var answeredAtCommit = new List<bool>();
        var committer = new GroupCommitter(Database, Notifier, (_, _) =>
        {
            lock (answers)
            {
                // Called before each group's COMMIT; the last call is the group of the three operations.
                answeredAtCommit.Clear();
                answeredAtCommit.AddRange(answers.Select(a => a.IsCompleted));
            }

            return Task.CompletedTask;
        });
        var blocker = await StartBlockerAsync(committer);

        lock (answers)
        {
            answers.Add(committer.RunAsync(InsertSecret("a"), Ct));
            answers.Add(committer.RunAsync(InsertSecret("b", thenFail: true), Ct));
            answers.Add(committer.RunAsync(InsertSecret("c"), Ct));
        }

        _releaseBlocker.SetResult();
        await blocker.Within();
        await Task.WhenAll(answers).ContinueWith(static _ => { }, TaskScheduler.Default).Within();

        Assert.Equal(3, answeredAtCommit.Count(answered => !answered));
        Assert.True(answers[0].IsCompletedSuccessfully);
        Assert.True(answers[1].IsFaulted);
        Assert.True(answers[2].IsCompletedSuccessfully);
    }

    [Fact]
    public async Task GroupCommit_CommitFails_EveryCallerGetsTheFailureAndNothingIsWritten()
    {
        var committer = new GroupCommitter(Database, Notifier, static (_, _) => throw new IOException("disk gone"));

        var a = committer.RunAsync(InsertSecret("a"), Ct);
        var b = committer.RunAsync(InsertSecret("b"), Ct);

        Assert.Equal("disk gone", (await Assert.ThrowsAsync<IOException>(() => a.Within())).Message);
        Assert.Equal("disk gone", (await Assert.ThrowsAsync<IOException>(() => b.Within())).Message);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM secrets WHERE name IN ('a', 'b')"));
    }

    private static Func<StorageSession, CancellationToken, Task<(IdempotentResult<string> Result, WriteContext? Context)>> InsertSecret(
        string name, bool thenFail = false) =>
        async (session, ct) =>
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO secrets (name, value) VALUES (@Name, x'00')", new { Name = name }, session.Transaction, cancellationToken: ct));
            return thenFail ? throw new InvalidOperationException("this operation fails") : (IdempotentResult<string>.Fresh(name), null);
        };

    private async Task<Task> StartBlockerAsync(GroupCommitter committer)
    {
        var blocker = committer.RunAsync<string>(async (_, _) =>
        {
            _blockerRunning.SetResult();
            await _releaseBlocker.Task.ConfigureAwait(false);
            return (IdempotentResult<string>.Fresh("blocker"), null);
        }, Ct);
        await _blockerRunning.Task.Within();
        return blocker;
    }
}
