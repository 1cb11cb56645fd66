using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>A page of the caller's library, with the total the query matches.</summary>
internal sealed record LibraryPage(IReadOnlyList<AssetDetails> Assets, int Total);
