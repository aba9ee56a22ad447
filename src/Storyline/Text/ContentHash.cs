using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Storyline.Text;

/// <summary>Stable 64-bit hashes (xxHash3, seed 0) of text, and the ids made from them.</summary>
public static class ContentHash
{
    /// <summary>The 64-bit xxHash3 of the string's UTF-16 code units.</summary>
    public static ulong Hash64(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    /// <summary>The hash as 16 lower-case hex digits.</summary>
    public static string Hex(ulong hash)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>An article id: the hex hash of the text with typography and whitespace folded.</summary>
    public static string ArticleId(ReadOnlySpan<char> pageText)
    {
        // The same value as hashing TextNormalizer.Normalize(pageText), without building that string.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, pageText.Length * 3));
        try
        {
            var n = TextNormalizer.NormalizeInto(pageText, buffer);
            return Hex(Hash64(buffer.AsSpan(0, n)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
