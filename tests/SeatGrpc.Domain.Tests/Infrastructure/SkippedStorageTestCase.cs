using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>A storage test whose engine is unavailable: reported as skipped with the probe's reason.</summary>
public sealed class SkippedStorageTestCase : XunitTestCase
{
    private string _reason = "";

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedStorageTestCase()
    {
    }

    public SkippedStorageTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        _reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
