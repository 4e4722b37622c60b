package com.example.repo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class UserRepository {

    private final Connection connection;
    private final EntityManager em;
    private final JdbcTemplate jdbc;

    public UserRepository(Connection connection, EntityManager em, JdbcTemplate jdbc) {
        this.connection = connection;
        this.em = em;
        this.jdbc = jdbc;
    }

    public ResultSet findByName(String name) throws SQLException {
        Statement stmt = connection.createStatement();
        // ruleid: sql-injection/java-sql-string-building
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public void deleteAll(List<String> ids) throws SQLException {
        Statement stmt = connection.createStatement();
        for (String id : ids) {
            // ruleid: sql-injection/java-sql-string-building
            stmt.addBatch("DELETE FROM sessions WHERE user_id = " + id);
        }
        stmt.executeBatch();
    }

    public List<?> search(String role, String sort) {
        // ruleid: sql-injection/java-sql-string-building
        List<?> users = em.createQuery("from User u where u.role = '" + role + "' order by " + sort).getResultList();
        // ruleid: sql-injection/java-sql-string-building
        jdbc.update(String.format("UPDATE users SET last_search = '%s'", role));
        // ruleid: sql-injection/java-sql-string-building
        jdbc.execute("DROP TABLE " +
            "tmp_" + role);
        return users;
    }

    public ResultSet findSafely(String name) throws SQLException {
        // ok: sql-injection/java-sql-string-building
        PreparedStatement ps = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // ok: sql-injection/java-sql-string-building
        em.createQuery("from User u where u.name = :name").setParameter("name", name).getResultList();
        // ok: sql-injection/java-sql-string-building
        connection.prepareStatement("SELECT id, name FROM users "
            + "WHERE active = true ORDER BY name");
        // ok: sql-injection/java-sql-string-building
        jdbc.update("UPDATE users SET last_login = now() WHERE name = ?", name);
        // ok: sql-injection/java-sql-string-building
        cache.update("user:" + name, ps);
        return ps.executeQuery();
    }
}
