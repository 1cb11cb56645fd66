namespace MediaAdmin.Tests.Sources;

/// <summary>A video (or audio) in a <see cref="VodCatalog"/>, as ApsaraVideo VOD would describe it.</summary>
public sealed record CatalogVideo(
    string Id,
    bool IsAudio,
    string Title,
    string Status,
    double Duration,
    long Size,
    long CateId,
    string CateName,
    DateTime CreatedUtc,
    DateTime ModifiedUtc)
{
    public string CoverUrl => $"https://cdn.example.test/vod/{Id}/cover.jpg";
}
