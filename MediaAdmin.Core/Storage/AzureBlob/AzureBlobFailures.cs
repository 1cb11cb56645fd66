using Azure;

namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>
/// Tells an unreachable or failing service (worth retrying later) from a refusal of one request, and turns
/// the first into <see cref="StorageUnavailableException"/> so the deletion worker postpones instead of dropping.
/// </summary>
internal static class AzureBlobFailures
{
    public static async Task<T> GuardAsync<T>(Uri endpoint, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StorageUnavailableException($"Azure Blob Storage at {endpoint} could not be reached or failed: {ex.Message}", ex);
        }
    }

    public static Task GuardAsync(Uri endpoint, Func<Task> call) =>
        GuardAsync(endpoint, async () =>
        {
            await call();
            return true;
        });

    /// <summary>
    /// Status 0 is a transport failure (refused, reset, name not resolved); 5xx is the service failing. Once the
    /// client's own retries are spent they arrive wrapped together in an <see cref="AggregateException"/>, where a
    /// cancellation is a try cut off by the client's network timeout: the caller's own cancellation stops the
    /// retries and surfaces unwrapped.
    /// </summary>
    private static bool IsUnavailable(Exception ex) => ex switch
    {
        RequestFailedException failed => failed.Status is 0 or 500 or 502 or 503 or 504,
        HttpRequestException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => inner is OperationCanceledException || IsUnavailable(inner)),
        _ => false,
    };
}
