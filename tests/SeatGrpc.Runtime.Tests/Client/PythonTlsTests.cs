using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>HTTP/2 over TLS (ALPN) against python3-grpcio, with a throwaway self-signed certificate.</summary>
public sealed class PythonTlsTests
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task HttpsAddress_CallsOverTlsWithAlpn()
    {
        var directory = Directory.CreateTempSubdirectory("seatgrpc-tls-").FullName;
        try
        {
            using var certificate = CreateCertificate();
            var certificatePath = Path.Combine(directory, "cert.pem");
            var keyPath = Path.Combine(directory, "key.pem");
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
            using (var key = certificate.GetRSAPrivateKey()!)
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
            }

            await using var server = await PythonEchoServer.StartAsync(certificatePath, keyPath);
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            var client = new EchoService.EchoServiceClient(channel);

            var response = await client.EchoAsync(new EchoRequest { Message = "over tls" }).ResponseAsync.WithTimeout();

            Assert.Equal("https", server.Address.Scheme);
            Assert.Equal("over tls", response.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
    }
}
