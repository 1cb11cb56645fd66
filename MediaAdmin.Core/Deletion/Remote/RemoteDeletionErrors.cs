using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>How ApsaraVideo VOD's errors read to a caller of MediaAdmin's DeleteVideo, and which leave the outcome unknown.</summary>
internal static class RemoteDeletionErrors
{
    /// <summary>The reason shown for a video Alibaba itself refused to delete.</summary>
    public const string RefusedByAlibaba =
        "ApsaraVideo VOD refused to delete it: the AccessKey MediaAdmin calls Alibaba Cloud with may not delete this video (check its RAM policy).";

    /// <summary>
    /// Whether DeleteVideo may have reached Alibaba and deleted some videos although no answer says so: no reply
    /// (timeout, connection reset), a reply that is not Alibaba's JSON, or a server-side failure.
    /// </summary>
    public static bool LeavesOutcomeUnknown(VodError error) =>
        error.Code is VodErrorCodes.Timeout or VodErrorCodes.Unreachable or VodErrorCodes.MalformedReply or VodErrorCodes.UnexpectedStatus
        || error.HttpStatus >= 500;

    /// <summary>
    /// DeleteVideoFailed (503, which the console offers to retry) naming what Alibaba answered, in the words fit for
    /// people (<see cref="VodError.ForPeople"/>): code, message and RequestId, never the signed request.
    /// </summary>
    public static DeletionError Failed(VodError error, string consequence) => new(
        DeletionError.DeleteVideoFailedCode,
        $"{DeletionError.DeleteVideoFailed.Message} ApsaraVideo VOD answered {error.ForPeople().TrimEnd('.')}. {consequence}",
        DeletionError.DeleteVideoFailed.HttpStatus);
}
