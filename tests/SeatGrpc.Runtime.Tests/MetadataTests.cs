using Grpc.Core;

namespace SeatGrpc.Runtime.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Add_UpperCaseKey_StoresLowerCaseKey()
    {
        var metadata = new Metadata();

        metadata.Add("X-Request-Id", "abc");

        Assert.Equal("x-request-id", Assert.Single(metadata).Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad key")]
    [InlineData("key:colon")]
    [InlineData("clé")]
    [InlineData("slash/key")]
    public void Add_InvalidKey_Throws(string key)
    {
        var metadata = new Metadata();

        Assert.Throws<ArgumentException>(() => metadata.Add(key, "value"));
    }

    [Theory]
    [InlineData("a-z_0.9")]
    [InlineData("authorization")]
    [InlineData("grpc-timeout")]
    public void Add_ValidKey_Succeeds(string key)
    {
        var metadata = new Metadata();

        metadata.Add(key, "value");

        Assert.Equal("value", metadata.GetValue(key));
    }

    [Fact]
    public void Add_StringValueToBinaryKey_Throws()
    {
        var metadata = new Metadata();

        Assert.Throws<ArgumentException>(() => metadata.Add("trace-bin", "text"));
    }

    [Fact]
    public void Add_BytesToNonBinaryKey_Throws()
    {
        var metadata = new Metadata();

        Assert.Throws<ArgumentException>(() => metadata.Add("trace", new byte[] { 1 }));
    }

    [Fact]
    public void Add_BytesToBinaryKey_StoresBinaryEntryWithCopiedBytes()
    {
        var metadata = new Metadata();
        var bytes = new byte[] { 1, 2, 3 };

        metadata.Add("Trace-Bin", bytes);
        bytes[0] = 9;

        var entry = Assert.Single(metadata);
        Assert.True(entry.IsBinary);
        Assert.Equal("trace-bin", entry.Key);
        Assert.Equal(new byte[] { 1, 2, 3 }, entry.ValueBytes);
    }

    [Fact]
    public void ValueBytes_ReturnedArrayMutated_EntryUnchanged()
    {
        var entry = new Metadata.Entry("data-bin", new byte[] { 1, 2 });

        entry.ValueBytes[0] = 7;

        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
    }

    [Fact]
    public void Value_BinaryEntry_Throws()
    {
        var entry = new Metadata.Entry("data-bin", new byte[] { 1 });

        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Fact]
    public void ValueBytes_StringEntry_ReturnsAsciiBytes()
    {
        var entry = new Metadata.Entry("key", "AZ");

        var bytes = entry.ValueBytes;

        Assert.False(entry.IsBinary);
        Assert.Equal(new byte[] { 0x41, 0x5A }, bytes);
    }

    [Fact]
    public void Get_RepeatedKey_ReturnsLastEntry()
    {
        var metadata = new Metadata { { "k", "first" }, { "other", "x" }, { "k", "last" } };

        var value = metadata.GetValue("K");

        Assert.Equal("last", value);
    }

    [Fact]
    public void GetAll_RepeatedKey_ReturnsEntriesInOrder()
    {
        var metadata = new Metadata { { "k", "1" }, { "other", "x" }, { "k", "2" } };

        var values = metadata.GetAll("k").Select(e => e.Value).ToArray();

        Assert.Equal(["1", "2"], values);
    }

    [Fact]
    public void Get_MissingKey_ReturnsNull()
    {
        var metadata = new Metadata { { "k", "v" } };

        Assert.Null(metadata.Get("missing"));
        Assert.Null(metadata.GetValue("missing"));
        Assert.Null(metadata.GetValueBytes("missing"));
    }

    [Fact]
    public void GetValueBytes_BinaryEntry_ReturnsBytes()
    {
        var metadata = new Metadata { { "id-bin", new byte[] { 5, 6 } } };

        var bytes = metadata.GetValueBytes("id-bin");

        Assert.Equal(new byte[] { 5, 6 }, bytes);
    }

    [Fact]
    public void Empty_Add_ThrowsBecauseReadOnly()
    {
        var empty = Metadata.Empty;

        Assert.True(empty.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => empty.Add("k", "v"));
        Assert.Empty(empty);
    }

    [Fact]
    public void Freeze_ThenModify_Throws()
    {
        var metadata = new Metadata { { "k", "v" } }.Freeze();

        Assert.Throws<InvalidOperationException>(() => metadata.RemoveAt(0));
        Assert.Throws<InvalidOperationException>(() => metadata.Clear());
        Assert.Single(metadata);
    }

    [Fact]
    public void ToString_Entries_UseOfficialFormat()
    {
        var text = new Metadata.Entry("k", "v").ToString();

        Assert.Equal("[Entry: key=k, value=v]", text);
    }

    [Fact]
    public void BinaryHeaderSuffix_IsDashBin()
    {
        Assert.Equal("-bin", Metadata.BinaryHeaderSuffix);
    }
}
