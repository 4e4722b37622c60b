package com.example.repo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

public class UserController {

    private static final List<String> SORTS = List.of("name", "created");
    private final Connection connection;
    private final EntityManager em;
    private final JdbcTemplate jdbc;

    public UserController(Connection connection, EntityManager em, JdbcTemplate jdbc) {
        this.connection = connection;
        this.em = em;
        this.jdbc = jdbc;
    }

    private String byName(String name) {
        return "SELECT * FROM users WHERE name = '" + name + "'";
    }

    private void delete(Statement stmt, String id) throws SQLException {
        // ruleid: sql-injection/java-sql-string-building
        stmt.addBatch("DELETE FROM sessions WHERE user_id = " + id);
    }

    public ResultSet find(HttpServletRequest request) throws SQLException {
        String name = request.getParameter("name");
        Statement stmt = connection.createStatement();
        // ruleid: sql-injection/java-sql-string-building
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        // ruleid: sql-injection/java-sql-string-building
        stmt.executeQuery(byName(name));
        for (String id : request.getParameterValues("id")) {
            delete(stmt, id);
        }
        List<String> parts = new ArrayList<>();
        parts.add("SELECT id FROM users WHERE role = '" + request.getParameter("role") + "'");
        // ruleid: sql-injection/java-sql-string-building
        stmt.execute(String.join(" ", parts));
        // ok: sql-injection/java-sql-string-building
        PreparedStatement ps = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        int limit = Integer.parseInt(request.getParameter("limit"));
        // ok: sql-injection/java-sql-string-building
        stmt.executeQuery("SELECT * FROM users LIMIT " + limit);
        String sort = request.getParameter("sort");
        if (!SORTS.contains(sort)) {
            sort = "name";
        }
        // ok: sql-injection/java-sql-string-building
        stmt.executeQuery("SELECT * FROM users ORDER BY " + sort);
        // ok: sql-injection/java-sql-string-building
        return ps.executeQuery();
    }

    public List<?> search(@RequestParam("role") String role, @PathVariable String sort) {
        String order = sort.equals("asc") ? " ASC" : " DESC";
        // ruleid: sql-injection/java-sql-string-building
        List<?> users = em.createQuery("from User u where u.role = '" + role + "' order by name" + order).getResultList();
        // ok: sql-injection/java-sql-string-building
        em.createQuery("from User u order by name" + order).getResultList();
        // ruleid: sql-injection/java-sql-string-building
        jdbc.update(String.format("UPDATE users SET last_search = '%s'", role));
        // ok: sql-injection/java-sql-string-building
        em.createQuery("from User u where u.name = :name").setParameter("name", role).getResultList();
        // ok: sql-injection/java-sql-string-building
        jdbc.update("UPDATE users SET last_login = now() WHERE name = ?", role);
        return users;
    }

    public List<?> page(@PathVariable Long owner, @RequestParam Integer offset, @RequestParam String title) {
        // A Long and an Integer are numbers by the time the method runs: nothing to inject.
        // ok: sql-injection/java-sql-string-building
        jdbc.queryForList("SELECT * FROM notes WHERE owner = " + owner + " OFFSET " + offset);
        // ruleid: sql-injection/java-sql-string-building
        jdbc.queryForList("SELECT * FROM notes WHERE title = '" + title + "'");
        if (!List.of("title", "created").contains(title)) {
            throw new IllegalArgumentException("unknown column");
        }
        // ok: sql-injection/java-sql-string-building
        return jdbc.queryForList("SELECT * FROM notes ORDER BY " + title);
    }

    public void cleanup(String table) {
        // Not request data: the query match is a note.
        // ok: sql-injection/java-sql-string-building
        jdbc.execute("DROP TABLE " + "tmp_" + table);
    }

    private org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    public Object events(HttpServletRequest request) {
        String column = request.getParameter("column");
        String sql = "SELECT " + column + " FROM events WHERE city = :city";
        // ruleid: sql-injection/java-sql-string-building
        Object rows = named.queryForList(sql, Map.of("city", request.getParameter("city")));
        // ok: sql-injection/java-sql-string-building
        Object safe = named.queryForList("SELECT name FROM events WHERE city = :city", Map.of("city", column));
        return rows + "" + safe;
    }

    public ResultSet byMode(Statement statement, HttpServletRequest request) throws SQLException {
        String name = request.getParameter("name");
        String column;
        char mode = "lcu".charAt(2);
        switch (mode) {
            case 'l':
                column = "login";
                break;
            case 'c':
            case 'u':  // falls into the arm below: the request's value
                column = name;
                break;
            default:
                column = "id";
        }
        // ruleid: sql-injection/java-sql-string-building
        return statement.executeQuery("SELECT " + column + " FROM users");
    }

    public ResultSet byLimit(Statement statement, HttpServletRequest request) throws SQLException {
        String name = request.getParameter("name");
        int limit = 40;
        String picked = (limit / 3) * 2 > 20 ? "email" : name;  // 26 > 20: always the constant
        // ok: sql-injection/java-sql-string-building
        return statement.executeQuery("SELECT " + picked + " FROM users");
    }

    public ResultSet escaped(Statement statement, HttpServletRequest request) throws SQLException {
        String name = org.owasp.esapi.ESAPI.encoder().encodeForSQL(
            new org.owasp.esapi.codecs.MySQLCodec(org.owasp.esapi.codecs.MySQLCodec.Mode.STANDARD),
            request.getParameter("name"));
        // ok: sql-injection/java-sql-string-building
        return statement.executeQuery("SELECT id FROM users WHERE name = '" + name + "'");
    }
}
