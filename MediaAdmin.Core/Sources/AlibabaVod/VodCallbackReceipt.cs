namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>What became of an authenticated, well-formed callback.</summary>
public enum VodCallbackVerdict
{
    /// <summary>The mirror now shows what the event reported.</summary>
    Applied = 0,

    /// <summary>The same event was applied before (Alibaba resends until it hears 200).</summary>
    AlreadyApplied = 1,

    /// <summary>The event names nothing the mirror holds (an image, an auxiliary file); recorded, nothing to change.</summary>
    Ignored = 2,

    /// <summary>ApsaraVideo VOD could not be asked about the video; nothing was changed or recorded, so a resend applies it.</summary>
    RemoteUnavailable = 3,

    /// <summary>
    /// The event claims a removal that ApsaraVideo VOD contradicts (GetVideoInfos still has the video); recorded,
    /// nothing changed: the body is not signed, so a replayed signature could carry any video ID.
    /// </summary>
    NotApplied = 4,
}

/// <summary>The verdict on a callback and the sentence that explains it, for the answer, the log and the Source page.</summary>
public sealed record VodCallbackReceipt(VodCallbackVerdict Verdict, string Message)
{
    /// <summary>Whether Alibaba should hear 200 (delivered) rather than an error that makes it try again.</summary>
    public bool Delivered => Verdict != VodCallbackVerdict.RemoteUnavailable;
}
