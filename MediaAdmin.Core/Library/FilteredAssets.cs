namespace MediaAdmin.Core.Library;

/// <summary>The assets a query's filters other than title words leave, and whether any filter applied.</summary>
internal sealed record FilteredAssets(IQueryable<MediaAsset> Assets, bool IsNarrowed);
