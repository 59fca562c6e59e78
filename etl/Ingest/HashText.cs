using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Etl.Ingest;

/// <summary>Text built in a pooled buffer only to be hashed: no builder, no intermediate strings.</summary>
internal struct HashText : IDisposable
{
    private char[] _chars;
    private int _length;

    public HashText() => _chars = ArrayPool<char>.Shared.Rent(512);

    public void Append(char c)
    {
        Ensure(1);
        _chars[_length++] = c;
    }

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        Ensure(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>As double.ToString("R", CultureInfo.InvariantCulture) writes it.</summary>
    public void AppendRoundTrip(double value)
    {
        Ensure(32);
        // Whole numbers below 10^15 are written as their digits by "R" too; formatting them as
        // integers is several times faster, and most values are counts.
        if (value >= 0 && value < 1e15 && Math.Floor(value) == value && !(value == 0 && double.IsNegative(value)))
        {
            ((long)value).TryFormat(_chars.AsSpan(_length), out var digits, default, CultureInfo.InvariantCulture);
            _length += digits;
            return;
        }
        if (!value.TryFormat(_chars.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture))
        {
            Append(value.ToString("R", CultureInfo.InvariantCulture));
            return;
        }
        _length += written;
    }

    // One-shot SHA256.HashData sets up a new native hash context per call, which cost more than
    // the hashing itself at one call per submission; a reused incremental hash does not.
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    /// <summary>SHA-256 of the UTF-8 text, as lower-case hex.</summary>
    public readonly string Sha256Hex()
    {
        var chars = _chars.AsSpan(0, _length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_length));
        try
        {
            var count = Encoding.UTF8.GetBytes(chars, bytes);
            var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha256.AppendData(bytes, 0, count);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            sha256.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void Ensure(int more)
    {
        if (_length + more <= _chars.Length) return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
        _chars.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }

    public void Dispose()
    {
        if (_chars is null) return;
        ArrayPool<char>.Shared.Return(_chars);
        _chars = null!;
    }
}
