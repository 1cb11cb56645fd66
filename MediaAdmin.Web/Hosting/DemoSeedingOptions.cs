namespace MediaAdmin.Web.Hosting;

public sealed class DemoSeedingOptions
{
    public const string Section = "DemoSeeding";

    /// <summary>Seed demo accounts and library into an empty database at start-up. Honoured in Development only.</summary>
    public bool Enabled { get; set; }

    [System.ComponentModel.DataAnnotations.Range(0, 100_000)]
    public int AssetCount { get; set; } = MediaAdmin.Core.Demo.DemoLibrarySeeder.DefaultAssetCount;
}
