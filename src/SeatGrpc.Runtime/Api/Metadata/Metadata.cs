using System.Collections;

namespace Grpc.Core;

/// <summary>
/// Call headers or trailers: an ordered list of entries in which a key may repeat. Keys are lower-cased
/// and may hold only <c>a-z 0-9 _ - .</c>; a key ending in <see cref="BinaryHeaderSuffix"/> holds bytes,
/// any other key holds an ASCII string.
/// </summary>
public sealed partial class Metadata : IList<Metadata.Entry>
{
    /// <summary>The key suffix that marks a binary entry.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = [];
    private bool _readOnly;

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public bool IsReadOnly => _readOnly;

    /// <inheritdoc />
    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            EnsureWritable();
            _entries[index] = value;
        }
    }

    /// <summary>Gets the last entry with the key.</summary>
    /// <param name="key">The key, in any case.</param>
    /// <returns>The entry, or null if there is none.</returns>
    public Entry? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>Gets the string value of the last entry with the key.</summary>
    /// <param name="key">The key, in any case.</param>
    /// <returns>The value, or null if there is no such entry.</returns>
    /// <exception cref="InvalidOperationException">The entry is binary.</exception>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Gets the bytes of the last entry with the key.</summary>
    /// <param name="key">The key, in any case.</param>
    /// <returns>A copy of the bytes, or null if there is no such entry.</returns>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Gets every entry with the key, in order.</summary>
    /// <param name="key">The key, in any case.</param>
    /// <returns>The entries.</returns>
    public IEnumerable<Entry> GetAll(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetAllCore(key);
    }

    /// <summary>Adds a string entry.</summary>
    /// <param name="key">The key; must not end with <see cref="BinaryHeaderSuffix"/>.</param>
    /// <param name="value">The ASCII value.</param>
    public void Add(string key, string value) => Add(new Entry(key, value));

    /// <summary>Adds a binary entry.</summary>
    /// <param name="key">The key; must end with <see cref="BinaryHeaderSuffix"/>.</param>
    /// <param name="valueBytes">The value; copied.</param>
    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    /// <inheritdoc />
    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureWritable();
        _entries.Add(item);
    }

    /// <inheritdoc />
    public int IndexOf(Entry item) => _entries.IndexOf(item);

    /// <inheritdoc />
    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureWritable();
        _entries.Insert(index, item);
    }

    /// <inheritdoc />
    public void RemoveAt(int index)
    {
        EnsureWritable();
        _entries.RemoveAt(index);
    }

    /// <inheritdoc />
    public void Clear()
    {
        EnsureWritable();
        _entries.Clear();
    }

    /// <inheritdoc />
    public bool Contains(Entry item) => _entries.Contains(item);

    /// <inheritdoc />
    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(Entry item)
    {
        EnsureWritable();
        return _entries.Remove(item);
    }

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Makes this instance read-only, e.g. once its headers have been sent.</summary>
    /// <returns>This instance.</returns>
    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private IEnumerable<Entry> GetAllCore(string key)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry;
            }
        }
    }

    private void EnsureWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata is read-only.");
        }
    }
}
