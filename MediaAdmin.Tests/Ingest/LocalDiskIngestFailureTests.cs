namespace MediaAdmin.Tests.Ingest;

/// <summary>The ingest failures on the local disk, in the host's own storage folder.</summary>
public sealed class LocalDiskIngestFailureTests : IngestFailureTests
{
    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
