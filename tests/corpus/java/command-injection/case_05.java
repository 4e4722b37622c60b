import javax.servlet.http.*;

class ZipServlet extends HttpServlet {
    private void compress(String folder) throws java.io.IOException {
        Runtime env = Runtime.getRuntime();
        env.exec("cmd.exe /c zip -r out.zip " + folder);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        compress(req.getParameter("folder"));
        resp.setStatus(202);
    }
}
