using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Instances;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>DeleteVideo through the deletion service, within the owner's per-second rate.</summary>
internal sealed class DeleteVideoAction(VideoDeletionService deletion, RpcRateLimits limits)
{
    public const string Name = "DeleteVideo";

    public async Task<RpcResult<DeleteVideoResponse>> RunAsync(RpcCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (await limits.DeleteVideoAsync(call.Caller.UserId, call.ArrivedAt, CancellationToken.None) == RateDecision.Throttled)
        {
            return RpcError.ThrottlingUser;
        }

        // Not the request's token: a deletion that started commits, whether or not the client waits for the answer.
        var result = await deletion.DeleteAsync(
            new DeletionCaller(call.Caller.UserId, DeletionChannel.Api, call.Caller.AccessKeyId, call.Caller.Address), VideoIdsParameter.Read(call.Parameters), CancellationToken.None);
        if (result.Error is { } error)
        {
            return RpcError.From(error, result.RequestId);
        }

        return new DeleteVideoResponse(result.RequestId, result.Forbidden.Select(f => f.VideoId).ToList(), result.NonExistent.ToList());
    }
}
