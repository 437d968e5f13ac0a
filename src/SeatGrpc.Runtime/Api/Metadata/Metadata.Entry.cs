using System.Text;

namespace Grpc.Core;

public sealed partial class Metadata
{
    /// <summary>One metadata entry: a key with either an ASCII string or (for <c>-bin</c> keys) bytes.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Initializes a new instance of the <see cref="Entry"/> class with a binary value.</summary>
        /// <param name="key">The key; must end with <see cref="BinaryHeaderSuffix"/>.</param>
        /// <param name="valueBytes">The value; copied.</param>
        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!HasBinarySuffix(Key))
            {
                throw new ArgumentException(
                    $"Key for a binary metadata entry must end with \"{BinaryHeaderSuffix}\".", nameof(key));
            }

            // Copied so the caller cannot change an entry after adding it.
            _valueBytes = (byte[])valueBytes.Clone();
        }

        /// <summary>Initializes a new instance of the <see cref="Entry"/> class with a string value.</summary>
        /// <param name="key">The key; must not end with <see cref="BinaryHeaderSuffix"/>.</param>
        /// <param name="value">The ASCII value.</param>
        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (HasBinarySuffix(Key))
            {
                throw new ArgumentException(
                    $"Key for an ASCII metadata entry must not end with \"{BinaryHeaderSuffix}\".", nameof(key));
            }

            _value = value;
        }

        /// <summary>Gets the key, lower-cased.</summary>
        public string Key { get; }

        /// <summary>Gets a value indicating whether the entry holds bytes (its key ends with <c>-bin</c>).</summary>
        public bool IsBinary => _valueBytes is not null;

        /// <summary>Gets a copy of the value's bytes; a string value is encoded as ASCII.</summary>
        public byte[] ValueBytes =>
            _valueBytes is null ? Encoding.ASCII.GetBytes(_value!) : (byte[])_valueBytes.Clone();

        /// <summary>Gets the string value.</summary>
        /// <exception cref="InvalidOperationException">The entry is binary.</exception>
        public string Value =>
            _value ?? throw new InvalidOperationException("The entry is binary; use ValueBytes.");

        /// <summary>Formats the entry for diagnostics.</summary>
        /// <returns>The formatted entry.</returns>
        public override string ToString() =>
            IsBinary ? $"[Entry: key={Key}, valueBytes={_valueBytes}]" : $"[Entry: key={Key}, value={_value}]";

        /// <summary>Gets the bytes without copying; for the transport, which never mutates them.</summary>
        /// <returns>The bytes of a binary entry.</returns>
        internal ReadOnlyMemory<byte> GetValueBytesUnsafe() =>
            _valueBytes ?? throw new InvalidOperationException("The entry is not binary.");

        private static bool HasBinarySuffix(string key) =>
            key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        private static string NormalizeKey(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            var hasUpper = false;
            foreach (var c in key)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    hasUpper = true;
                }
                else if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.'))
                {
                    throw InvalidKey(key);
                }
            }

            if (key.Length == 0)
            {
                throw InvalidKey(key);
            }

            // Most keys are already lower case: skip the allocation for them.
            return hasUpper ? key.ToLowerInvariant() : key;
        }

        private static ArgumentException InvalidKey(string key) =>
            new($"Metadata key \"{key}\" is not valid. Keys hold only letters, digits, underscores, hyphens and dots.", nameof(key));
    }
}
