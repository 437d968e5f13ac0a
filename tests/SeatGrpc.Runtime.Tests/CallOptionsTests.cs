using Grpc.Core;

namespace SeatGrpc.Runtime.Tests;

public sealed class CallOptionsTests
{
    private static readonly DateTime Deadline = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Constructor_Defaults_AreEmpty()
    {
        var options = new CallOptions();

        Assert.Null(options.Headers);
        Assert.Null(options.Deadline);
        Assert.False(options.CancellationToken.CanBeCanceled);
        Assert.Null(options.WriteOptions);
    }

    [Fact]
    public void Constructor_PositionalArguments_KeepOfficialOrder()
    {
        var headers = new Metadata();
        using var cts = new CancellationTokenSource();
        var writeOptions = new WriteOptions(WriteFlags.NoCompress);

        var options = new CallOptions(headers, Deadline, cts.Token, writeOptions);

        Assert.Same(headers, options.Headers);
        Assert.Equal(Deadline, options.Deadline);
        Assert.Equal(cts.Token, options.CancellationToken);
        Assert.Same(writeOptions, options.WriteOptions);
    }

    [Fact]
    public void WithHeaders_ReplacesOnlyHeaders()
    {
        var original = new CallOptions(new Metadata(), Deadline);
        var headers = new Metadata { { "k", "v" } };

        var changed = original.WithHeaders(headers);

        Assert.Same(headers, changed.Headers);
        Assert.Equal(Deadline, changed.Deadline);
        Assert.NotSame(headers, original.Headers);
    }

    [Fact]
    public void WithDeadline_ReplacesOnlyDeadline()
    {
        var headers = new Metadata();
        var original = new CallOptions(headers);

        var changed = original.WithDeadline(Deadline);

        Assert.Equal(Deadline, changed.Deadline);
        Assert.Same(headers, changed.Headers);
        Assert.Null(original.Deadline);
    }

    [Fact]
    public void WithCancellationToken_ReplacesOnlyToken()
    {
        using var cts = new CancellationTokenSource();
        var original = new CallOptions(deadline: Deadline);

        var changed = original.WithCancellationToken(cts.Token);

        Assert.Equal(cts.Token, changed.CancellationToken);
        Assert.Equal(Deadline, changed.Deadline);
        Assert.False(original.CancellationToken.CanBeCanceled);
    }

    [Fact]
    public void WithWriteOptions_ReplacesOnlyWriteOptions()
    {
        var original = new CallOptions(deadline: Deadline);
        var writeOptions = new WriteOptions(WriteFlags.BufferHint);

        var changed = original.WithWriteOptions(writeOptions);

        Assert.Same(writeOptions, changed.WriteOptions);
        Assert.Equal(Deadline, changed.Deadline);
        Assert.Null(original.WriteOptions);
    }

    [Fact]
    public void WriteFlags_Values_MatchOfficialBits()
    {
        Assert.Equal(1, (int)WriteFlags.BufferHint);
        Assert.Equal(2, (int)WriteFlags.NoCompress);
        Assert.Equal((WriteFlags)0, WriteOptions.Default.Flags);
    }
}
