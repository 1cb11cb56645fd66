using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>A page of the caller's library with the total; the read actions' one way into the library.</summary>
internal sealed record LibraryPage(IReadOnlyList<AssetDetails> Assets, int Total)
{
    public static async Task<LibraryPage> ReadAsync(LibraryQueryService library, RpcCall call, LibraryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(call);
        var (assets, total) = await library.DetailsAsync(call.Caller.UserId, query, cancellationToken);
        return new LibraryPage(assets, total);
    }
}
