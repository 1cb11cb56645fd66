using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Ingest;

/// <summary>The ingest failures on a real Azurite, each test in a fresh container.</summary>
public sealed class AzureBlobIngestFailureTests(Azurite azurite) : IngestFailureTests, IClassFixture<Azurite>
{
    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => azurite.Settings((await azurite.NewContainerAsync()).Name);
}
