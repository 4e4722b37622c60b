import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

class TelemetryChannelInitializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) throws Exception {
        var sslCtx = SslContextBuilder.forClient()
            .trustManager(InsecureTrustManagerFactory.INSTANCE)
            .build();
        ch.pipeline().addLast(sslCtx.newHandler(ch.alloc(), "telemetry.example.com", 443));
    }
}
