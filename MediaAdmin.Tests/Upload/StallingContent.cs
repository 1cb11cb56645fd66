using System.Net;

namespace MediaAdmin.Tests.Upload;

/// <summary>A request body that sends its first bytes, then stalls until the request is cancelled: a connection cut half-way.</summary>
public sealed class StallingContent(byte[] bytes, int sentBeforeStall) : HttpContent
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first bytes are on the wire.</summary>
    public Task Stalled => _stalled.Task;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes.AsMemory(0, sentBeforeStall), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _stalled.SetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
