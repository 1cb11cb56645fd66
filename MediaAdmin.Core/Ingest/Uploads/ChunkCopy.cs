using System.Buffers;

namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>Streams a chunk from the request to the partial file, never holding more than one buffer of it.</summary>
internal static class ChunkCopy
{
    private const int BufferBytes = 1024 * 1024;

    /// <summary>Copies <paramref name="lengthBytes"/> bytes through a small buffer; false when the sender went away mid-chunk (what arrived until then is on disk).</summary>
    public static async Task<bool> CopyAsync(Stream source, FileStream target, long lengthBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var remaining = lengthBytes;
            while (remaining > 0)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException)
                {
                    return false;
                }

                if (read == 0)
                {
                    return false;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                remaining -= read;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
